#include "sim/simulation.h"

#include <cstdio>

int main(int, char **)
{
    sim::Simulation simulation;
    std::printf("kubesim %s\n", KUBESIM_VERSION);
    return 0;
}
