#pragma once

#include <QGraphicsView>

#include <cstdint>

namespace ui {

class TopologyScene;

/** The canvas widget: zoom with the wheel, pan by dragging the background, F fits everything. */
class TopologyView : public QGraphicsView {
    Q_OBJECT

public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);

    TopologyScene *topologyScene() const { return m_scene; }
    /** Zoom factor of the view (1 = 100 %). */
    qreal zoom() const;

signals:
    /** The user clicked a request's particle. */
    void requestClicked(std::uint64_t request);

public slots:
    void fitAll();
    void zoomIn();
    void zoomOut();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scaleBy(qreal factor);
    void paintLegend(QPainter *painter);

    TopologyScene *m_scene;
    bool m_fitted = false;
    bool m_userZoomed = false;  // zoomed by hand since the last fit: new objects outside the view then stay there
};

} // namespace ui
