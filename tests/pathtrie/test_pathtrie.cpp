// The Gateway's prefix index (sim/traffic/pathtrie.h): element-wise prefix matching, deepest node first,
// checked row by row and against matchesPathPrefix over thousands of random prefixes.
#include "sim/engine/randomstream.h"
#include "sim/traffic/pathtrie.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <set>

using namespace sim;

class TestPathTrie : public QObject {
    Q_OBJECT

private slots:
    void pathTrie_data();
    void pathTrie();
    void pathTrieAgreesWithPrefixMatch();
    void insertAfterFinishThrows();
};

void TestPathTrie::pathTrie_data()
{
    QTest::addColumn<QStringList>("prefixes");
    QTest::addColumn<bool>("reversed");  // finish() orders each node's items by descending id instead of as inserted
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("matched");  // deepest node first, each node's items in finish() order

    const QString longA = "a-path-element-longer-than-sixteen-characters";
    const QString longB = "a-path-element-longer-than-sixteen-characterz";
    const QString withNul = QString("/a") + QChar(0);
    QTest::newRow("root matches everything") << QStringList{"/", "/foo"} << false << "/bar/baz" << QStringList{"/"};
    QTest::newRow("element-wise, not character-wise") << QStringList{"/foo", "/foob"} << false << "/foobar" << QStringList{};
    QTest::newRow("deepest first") << QStringList{"/", "/foo", "/foo/bar"} << false << "/foo/bar/baz"
                                   << QStringList{"/foo/bar", "/foo", "/"};
    QTest::newRow("a child added after its parent's items") << QStringList{"/a", "/a/b", "/a/b/c"} << false << "/a/b/c/d/e"
                                                            << QStringList{"/a/b/c", "/a/b", "/a"};
    QTest::newRow("a leaf ends the walk") << QStringList{"/a/b"} << false << "/a/b/c/d" << QStringList{"/a/b"};
    QTest::newRow("trailing slash is the same node") << QStringList{"/foo/", "/foo"} << false << "/foo" << QStringList{"/foo/", "/foo"};
    QTest::newRow("finish orders each node's items") << QStringList{"/foo/", "/foo", "/foo//", "/"} << true << "/foo"
                                                     << QStringList{"/foo//", "/foo", "/foo/", "/"};
    QTest::newRow("empty elements are skipped") << QStringList{"/foo//bar"} << false << "/foo/bar" << QStringList{"/foo//bar"};
    QTest::newRow("same element under other parents") << QStringList{"/a/x", "/b/x", "/x"} << false << "/b/x/y" << QStringList{"/b/x"};
    QTest::newRow("long elements compared in full") << QStringList{"/" + longA, "/" + longB} << false << "/" + longB + "/1"
                                                    << QStringList{"/" + longB};
    QTest::newRow("long prefix of a long element") << QStringList{"/" + longA.left(20)} << false << "/" + longA << QStringList{};
    QTest::newRow("element of exactly eight characters") << QStringList{"/abcdefgh", "/abcdefg", "/abcdefghi"} << false << "/abcdefgh"
                                                         << QStringList{"/abcdefgh"};
    QTest::newRow("nine characters are not eight") << QStringList{"/abcdefgh"} << false << "/abcdefghi" << QStringList{};
    QTest::newRow("a NUL byte is part of the element") << QStringList{"/a", withNul} << false << withNul << QStringList{withNul};
    QTest::newRow("nothing inserted") << QStringList{} << false << "/a" << QStringList{};
    // A leaf's step holds up to 15 items' place itself; more are found through the node's offsets. "/a", "/a/",
    // "/a//"... are one node, and `reversed` shows the order survives both ways.
    QStringList fifteen, sixteen;
    for (int n = 0; n < 16; ++n) {
        const QString prefix = "/a" + QString(n, '/');
        if (n < 15)
            fifteen << prefix;
        sixteen << prefix;
    }
    auto backwards = [](QStringList list) {
        std::reverse(list.begin(), list.end());
        return list;
    };
    QTest::newRow("fifteen items at a leaf") << fifteen << true << "/a/b" << backwards(fifteen);
    QTest::newRow("sixteen items at a leaf") << sixteen << true << "/a/b" << backwards(sixteen);
    QTest::newRow("sixteen items below the root") << (sixteen + QStringList{"/"}) << true << "/a" << (backwards(sixteen) << "/");
}

void TestPathTrie::pathTrie()
{
    QFETCH(QStringList, prefixes);
    QFETCH(bool, reversed);
    QFETCH(QString, path);
    QFETCH(QStringList, matched);
    traffic::PathTrie trie;
    std::vector<std::string> keys;
    for (const QString &p : prefixes) {
        keys.push_back(p.toStdString());
        trie.insert(keys.back(), static_cast<std::uint32_t>(keys.size() - 1));
    }
    if (reversed)
        trie.finish([](std::uint32_t a, std::uint32_t b) { return a > b; });
    else
        trie.finish();
    std::array<std::uint32_t, traffic::PathTrie::kMaxDepth> chain;
    std::size_t depth = trie.matchChain(path.toStdString(), chain.data());
    QStringList got;
    for (std::size_t i = depth; i-- > 0;) {
        for (std::uint32_t item : trie.items(chain[i]))
            got << QString::fromStdString(keys[item]);
    }
    QCOMPARE(got, matched);
}

void TestPathTrie::insertAfterFinishThrows()
{
    // finish() rewrites the leaves' steps for matching: a later insert would miss the items filed there.
    traffic::PathTrie trie;
    trie.insert("/a", 0);
    trie.finish();
    QVERIFY_THROWS_EXCEPTION(std::logic_error, trie.insert("/a/b", 1));
}

void TestPathTrie::pathTrieAgreesWithPrefixMatch()
{
    // Thousands of prefixes (elements inline in the edge and longer ones, many siblings, so the edge table grows several times):
    // for each probe path the trie's chain holds exactly the prefixes matchesPathPrefix accepts.
    engine::RandomStream random(7, 1);
    auto element = [&] {
        std::string e = "e" + std::to_string(random.uniform(40));
        if (random.uniform(4) == 0)
            e += std::string(random.uniform(30), 'x');
        return e;
    };
    traffic::PathTrie trie;
    std::vector<std::string> prefixes;
    for (int i = 0; i < 3000; ++i) {
        std::string p;
        for (std::uint64_t depth = random.uniform(4) + 1; depth > 0; --depth)
            p += "/" + element();
        prefixes.push_back(p);
        trie.insert(p, static_cast<std::uint32_t>(i));
    }
    trie.finish();
    for (int i = 0; i < 2000; ++i) {
        std::string path;
        for (std::uint64_t depth = random.uniform(5) + 1; depth > 0; --depth)
            path += "/" + element();
        std::array<std::uint32_t, traffic::PathTrie::kMaxDepth> chain;
        std::size_t depth = trie.matchChain(path, chain.data());
        std::set<std::uint32_t> fromTrie;
        for (std::size_t n = 0; n < depth; ++n) {
            for (std::uint32_t item : trie.items(chain[n]))
                fromTrie.insert(item);
        }
        std::set<std::uint32_t> expected;
        for (std::size_t p = 0; p < prefixes.size(); ++p) {
            if (traffic::matchesPathPrefix(prefixes[p], path))
                expected.insert(static_cast<std::uint32_t>(p));
        }
        QCOMPARE(fromTrie, expected);
    }
}

QTEST_APPLESS_MAIN(TestPathTrie)
#include "test_pathtrie.moc"
