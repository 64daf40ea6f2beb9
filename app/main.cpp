#include "sim/simulation.h"
#include "ui/runwindow.h"

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc == 1)
        return ui::runWindow(argc, argv, {}, KUBESIM_SCENARIOS_DIR);
    sim::Simulation simulation;
    std::printf("kubesim %s\n", KUBESIM_VERSION);
    return 0;
}
