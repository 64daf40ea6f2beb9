#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ui {

class SimulationHost;

/** What the Traffic panel's form asks for: one load generator. */
struct TrafficForm {
    QString url = QStringLiteral("/");
    QString method = QStringLiteral("GET");
    QString headers;       // "Name: value" lines; a Host header sets the request's host
    double rate = 10;      // requests per second
    int clients = 1;
    bool isPoisson = true;
};

/**
 * The Traffic panel: start load generators (URL, method, headers, rate, number of clients, Poisson or
 * steady) and stop them; several run at once. The list shows the built-in clients and the generators
 * started here, with what each sent and got back.
 */
class TrafficPanel : public QWidget {
    Q_OBJECT

public:
    explicit TrafficPanel(SimulationHost *host, QWidget *parent = nullptr);

    /** Starts a generator; its index, or nullopt with the reason shown under the form. */
    std::optional<std::uint32_t> start(const TrafficForm &form);
    /** Stops a generator the list shows; any other index (one of a cluster since replaced) is ignored. */
    void stop(std::uint32_t generator);
    /** The form as filled in now. */
    TrafficForm form() const;
    void setForm(const TrafficForm &form);
    QString errorText() const;
    QTreeWidget *list() const { return m_list; }

public slots:
    /** Updates the generators' counters (a few times per second). */
    void refresh();
    /** A new cluster: lists its built-in clients, if it has them. */
    void onSimulationReplaced();

private:
    void startFromForm();
    void stopSelected();

    SimulationHost *m_host;
    QLineEdit *m_url;
    QComboBox *m_method;
    QPlainTextEdit *m_headers;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_clients;
    QCheckBox *m_poisson;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_error;
    QTreeWidget *m_list;
    std::vector<std::uint32_t> m_generators;  // the cluster's built-in clients, then those started here
};

} // namespace ui
