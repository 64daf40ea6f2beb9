#pragma once

// Runs the built kubesim executable (KUBESIM_BINARY) and collects what it printed: for the tests of the
// command line (tests/cli, tests/run, tests/request); or starts it and leaves it running, for tests that
// kill it while it works (tests/ui/test_autosave.cpp).

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace kubesimtest {

struct Run {
    int exitCode = -1;  // -1: did not finish in time, or crashed
    QString out;
    QString err;
};

inline Run kubesim(const QStringList &args, const QByteArray &input = {},
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(KUBESIM_BINARY), args);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/** Starts kubesim with `args` and returns at once; the process is killed when the pointer goes. */
inline std::unique_ptr<QProcess> startKubesim(const QStringList &args, const QProcessEnvironment &environment)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    process->start(QStringLiteral(KUBESIM_BINARY), args);
    return process;
}

} // namespace kubesimtest
