#pragma once

#include <QGraphicsItem>
#include <QString>

namespace ui {

struct Theme;

/** The frame drawn behind the pods of one Deployment (or bare ReplicaSet), labelled with its name and version. */
class PodGroupItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    PodGroupItem(const QString &title, const QString &version, const Theme *theme);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect.adjusted(-1, -1, 1, 1); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setRect(const QRectF &rect);
    const QRectF &rect() const { return m_rect; }
    const QString &title() const { return m_title; }
    void setLabel(const QString &title, const QString &version);
    void setTheme(const Theme *theme);

    /** Height of the label strip above the pods. */
    static constexpr qreal kHeader = 26;
    static constexpr qreal kPadding = 8;

private:
    QRectF m_rect;
    QString m_title;
    QString m_version;
    const Theme *m_theme;
};

} // namespace ui
