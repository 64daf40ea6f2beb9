// InlineString: characters inside the object up to its capacity, on the heap beyond it, the same value
// either way through copies, moves, assignment (also from its own characters) and comparisons; and
// HttpRequest's fields keeping a routed request's host and path inside the request.

#include "sim/traffic/httprequest.h"
#include "sim/traffic/inlinestring.h"

#include <QtTest>

#include <string>
#include <utility>

using sim::traffic::HttpRequest;
using sim::traffic::InlineString;

namespace {

using Small = InlineString<16>;  // 15 characters inline

std::string text(int length)
{
    std::string s;
    for (int i = 0; i < length; ++i)
        s += static_cast<char>('a' + i % 26);
    return s;
}

} // namespace

class TestInlineString : public QObject {
    Q_OBJECT

private slots:
    void keepsTheValue_data();
    void keepsTheValue();
    void copiesAndMoves_data();
    void copiesAndMoves();
    void assignsFromItself_data();
    void assignsFromItself();
    void takesANullView_data();
    void takesANullView();
    void comparesAndJoins_data();
    void comparesAndJoins();
    void requestKeepsShortFieldsInline_data();
    void requestKeepsShortFieldsInline();
};

void TestInlineString::keepsTheValue_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("inlined");
    QTest::newRow("empty") << 0 << true;
    QTest::newRow("one") << 1 << true;
    QTest::newRow("capacity") << 15 << true;
    QTest::newRow("one past capacity") << 16 << false;
    QTest::newRow("long") << 300 << false;
}

void TestInlineString::keepsTheValue()
{
    QFETCH(int, length);
    QFETCH(bool, inlined);
    const std::string value = text(length);
    Small s(value);
    QCOMPARE(s.size(), value.size());
    QCOMPARE(s.empty(), value.empty());
    QCOMPARE(s.isInline(), inlined);
    QCOMPARE(s.str(), value);
    QCOMPARE(std::string(s), value);
    QVERIFY(s.view() == value);
}

void TestInlineString::copiesAndMoves_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("inline onto inline") << 3 << 10;
    QTest::newRow("inline onto heap") << 5 << 40;
    QTest::newRow("heap onto inline") << 40 << 5;
    QTest::newRow("heap onto heap") << 40 << 90;
    QTest::newRow("empty onto heap") << 0 << 40;
}

void TestInlineString::copiesAndMoves()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const std::string source = text(from);
    Small original(source);

    Small copied(original);
    QCOMPARE(copied.str(), source);
    QCOMPARE(original.str(), source);

    Small assigned(text(to));
    assigned = original;
    QCOMPARE(assigned.str(), source);
    QCOMPARE(original.str(), source);

    Small moveAssigned(text(to));
    moveAssigned = std::move(copied);
    QCOMPARE(moveAssigned.str(), source);
    QVERIFY(copied.empty());  // a moved-from InlineString is empty

    Small moved(std::move(moveAssigned));
    QCOMPARE(moved.str(), source);
    QVERIFY(moveAssigned.empty());

    // A moved-from string takes a new value.
    moveAssigned = text(to);
    QCOMPARE(moveAssigned.str(), text(to));
}

void TestInlineString::assignsFromItself_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("drop");
    QTest::newRow("inline, drop one") << 10 << 1;
    QTest::newRow("heap to heap") << 50 << 3;
    QTest::newRow("heap to inline") << 20 << 10;
}

void TestInlineString::assignsFromItself()
{
    QFETCH(int, length);
    QFETCH(int, drop);
    const std::string value = text(length);
    Small s(value);
    s = s.view().substr(static_cast<std::size_t>(drop));
    QCOMPARE(s.str(), value.substr(static_cast<std::size_t>(drop)));
    const Small &same = s;
    s = same;
    QCOMPARE(s.str(), value.substr(static_cast<std::size_t>(drop)));
}

// std::string_view() has a null data(): constructing from it or assigning it must give an empty string
// without reading through the pointer (the asan preset's UBSan flags a memcpy from null).
void TestInlineString::takesANullView_data()
{
    QTest::addColumn<int>("before");
    QTest::newRow("onto empty") << 0;
    QTest::newRow("onto inline") << 7;
    QTest::newRow("onto heap") << 40;
}

void TestInlineString::takesANullView()
{
    QFETCH(int, before);
    const std::string_view null;
    QVERIFY(null.data() == nullptr);
    Small constructed(null);
    QVERIFY(constructed.empty());
    QVERIFY(constructed.isInline());
    Small assigned(text(before));
    QCOMPARE(assigned.size(), static_cast<std::size_t>(before));
    assigned = null;
    QVERIFY(assigned.empty());
    QVERIFY(assigned.isInline());
    QVERIFY(assigned == "");
}

void TestInlineString::comparesAndJoins_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("equal, inline") << "shop" << "shop";
    QTest::newRow("different, inline") << "shop" << "shoe";
    QTest::newRow("equal, heap") << "shop.example.com/long" << "shop.example.com/long";
    QTest::newRow("prefix") << "shop.example.com/long" << "shop.example.com/lon";
    QTest::newRow("empty and not") << "" << "x";
}

void TestInlineString::comparesAndJoins()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    const std::string as = a.toStdString(), bs = b.toStdString();
    const Small x(as), y(bs);
    const bool equal = as == bs;
    QCOMPARE(x == y, equal);
    QCOMPARE(x != y, !equal);
    QCOMPARE(x == bs, equal);
    QCOMPARE(bs == x, equal);
    QCOMPARE(x == std::string_view(bs), equal);
    QCOMPARE(x == bs.c_str(), equal);
    QCOMPARE(x != bs, !equal);
    QCOMPARE(bs + x, bs + as);
    QCOMPARE("<" + x, "<" + as);
    QCOMPARE(x + ">", as + ">");
    QCOMPARE(x + bs, as + bs);
    std::string out = "[";
    out += x;
    QCOMPARE(out, "[" + as);
    Small joined(x);
    joined += bs;
    QCOMPARE(joined.str(), as + bs);
}

void TestInlineString::requestKeepsShortFieldsInline_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("hostInline");
    QTest::addColumn<bool>("pathInline");
    QTest::newRow("the benchmark's requests") << "http://shop.example.com/r99/p9/items/42?tier=gold" << true << true;
    QTest::newRow("a Service's cluster name") << "http://my-service.my-namespace.svc.cluster.local/" << true << true;
    QTest::newRow("a 43-character host") << "http://" + QString(39, 'h') + ".com/" << true << true;
    QTest::newRow("a 44-character host") << "http://" + QString(40, 'h') + ".com/" << false << true;
    QTest::newRow("a 63-character path") << "http://a/" + QString(62, 'p') << true << true;
    QTest::newRow("a 64-character path") << "http://a/" + QString(63, 'p') << true << false;
}

void TestInlineString::requestKeepsShortFieldsInline()
{
    QFETCH(QString, url);
    QFETCH(bool, hostInline);
    QFETCH(bool, pathInline);
    std::string error;
    auto request = HttpRequest::fromUrl(url.toStdString(), &error);
    QVERIFY2(request, error.c_str());
    QCOMPARE(request->host.isInline(), hostInline);
    QCOMPARE(request->path.isInline(), pathInline);
    QCOMPARE(request->url(), url.toStdString());
    // A copy (a load generator stamping a template) keeps the same value.
    HttpRequest copy = *request;
    QCOMPARE(copy.url(), url.toStdString());
}

QTEST_APPLESS_MAIN(TestInlineString)
#include "test_inlinestring.moc"
