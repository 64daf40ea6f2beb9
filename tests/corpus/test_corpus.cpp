#include "sim/api/kind.h"
#include "sim/manifest/loader.h"

#include <QtTest>

#include <map>

using namespace sim;
using namespace sim::manifest;

namespace {

const QString kCorpus = QStringLiteral(KUBESIM_SHARED_DIR "/corpus");

QStringList corpusFiles()
{
    QStringList files;
    QDirIterator it(kCorpus, {"*.yaml", "*.yml", "*.json"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

// The top-level kinds a file declares, read from its text (one "kind:" per document at column 0).
QStringList declaredKinds(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList kinds;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("kind:"))
            kinds << QString::fromUtf8(line.mid(5)).trimmed();
    }
    return kinds;
}

} // namespace

class TestCorpus : public QObject {
    Q_OBJECT

private slots:
    void corpusIsThere();
    void eachFile_data();
    void eachFile();
    void wholeCorpus();
};

void TestCorpus::corpusIsThere()
{
    QVERIFY2(corpusFiles().size() >= 50, qPrintable("corpus missing under " + kCorpus));
}

void TestCorpus::eachFile_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : corpusFiles())
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
}

// Every file loads without error; each simulated kind decodes, every other kind is named in a warning.
void TestCorpus::eachFile()
{
    QFETCH(QString, file);
    LoadResult r = loadPaths({file.toStdString()});
    QStringList problems;
    for (const Diagnostic &d : r.diagnostics) {
        if (d.isError())
            problems << QString::fromStdString(d.toString());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));

    QStringList simulated, skipped;
    for (const QString &kind : declaredKinds(file))
        (api::kindFromName(kind.toStdString()) ? simulated : skipped) << kind;
    QCOMPARE(int(r.documents.size()), simulated.size());
    for (std::size_t i = 0; i < r.documents.size(); ++i)
        QCOMPARE(QString::fromStdString(std::string(r.documents[i].object.info().name)), simulated[int(i)]);

    QStringList warned;
    for (const Diagnostic &d : r.diagnostics) {
        QString message = QString::fromStdString(d.message);
        if (message.contains("is not simulated"))
            warned << message;
    }
    QCOMPARE(warned.size(), skipped.size());
    for (int i = 0; i < skipped.size(); ++i) {
        QVERIFY2(warned[i].startsWith("kind \"" + skipped[i] + "\""), qPrintable(warned[i]));
        QVERIFY2(warned[i].contains(file), qPrintable(warned[i]));
    }
}

// The corpus as one batch (a directory): counts by kind, and every HTTPRoute decodes without error.
void TestCorpus::wholeCorpus()
{
    LoadResult r = loadPaths({kCorpus.toStdString()});
    QVERIFY(r.ok());
    std::map<QString, int> declared, decoded;
    for (const QString &file : corpusFiles()) {
        for (const QString &kind : declaredKinds(file))
            ++declared[kind];
    }
    for (const Document &d : r.documents)
        ++decoded[QString::fromStdString(std::string(d.object.info().name))];
    QVERIFY(declared["HTTPRoute"] >= 40);
    for (const char *kind : {"HTTPRoute", "Gateway", "GatewayClass", "ReferenceGrant", "Namespace"})
        QCOMPARE(decoded[kind], declared[kind]);
    int unknown = 0;
    for (const auto &[kind, count] : declared) {
        if (!api::kindFromName(kind.toStdString()))
            unknown += count;
    }
    QVERIFY(unknown > 0);
    QCOMPARE(int(r.diagnostics.size()), unknown);
}

QTEST_APPLESS_MAIN(TestCorpus)
#include "test_corpus.moc"
