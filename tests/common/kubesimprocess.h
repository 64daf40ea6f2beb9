#pragma once

// Runs the built kubesim executable (KUBESIM_BINARY) and collects what it printed: for the tests of the
// command line (tests/cli, tests/run, tests/request).

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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

} // namespace kubesimtest
