#pragma once

#include "ui/changeevent.h"
#include "ui/weightedrule.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QSlider;
class QVBoxLayout;

namespace ui {

class SimulationHost;
class TopologyScene;

/**
 * The Canary panel: one slider per weighted HTTPRoute rule and per ingress-nginx canary Ingress. Moving
 * a slider pushes an undoable SetBackendWeightsCommand; the observed split under it comes from the
 * canvas's edge counts. A row's title inspects the object the slider edits.
 */
class WeightsPanel : public QWidget {
    Q_OBJECT

public:
    WeightsPanel(SimulationHost *host, TopologyScene *scene, QWidget *parent = nullptr);

    /** The slider of a rule (tests drive it like a user would). */
    QSlider *slider(const std::string &ns, const std::string &route, int rule, int backend = 1) const;
    /** The slider of a canary Ingress's canary-weight. */
    QSlider *canarySlider(const std::string &ns, const std::string &ingress) const;
    /** The observed-split line under a canary Ingress's slider. */
    QString canaryObserved(const std::string &ns, const std::string &ingress) const;

signals:
    /** A row's title was clicked: the HTTPRoute (with its rule) or the canary Ingress. */
    void objectInspected(const ui::ObjectKey &key);

public slots:
    void onObjectsChanged(const ui::ChangeEvents &changes);
    /** Re-reads every weighted rule from the store. */
    void reload();
    /** Rebuilds every row, for a new theme's colours. */
    void restyle();
    /** Refreshes the observed shares. */
    void refreshObserved();

private:
    struct Row {
        WeightedRule rule;
        std::vector<QSlider *> sliders;  // two backends: one slider (share of the second); more: one per backend
        std::vector<QLabel *> shares;
        QLabel *observed = nullptr;
    };
    void clearRows();
    void addRow(const Row &shape, const std::vector<int> &weights);
    void showWeights(Row &row, const std::vector<int> &weights);
    std::vector<int> weightsFromSliders(const Row &row) const;
    void sliderMoved(std::size_t rowIndex);
    std::vector<int> currentWeights(const Row &row) const;
    const Row *findRow(WeightedRule::Kind kind, const std::string &ns, const std::string &route, int rule) const;

    SimulationHost *m_host;
    TopologyScene *m_scene;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_empty;
    std::vector<Row> m_rows;
};

} // namespace ui
