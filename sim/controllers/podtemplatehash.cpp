#include "sim/controllers/podtemplatehash.h"

#include <cstdint>

namespace sim::controllers {
namespace {

// Feeds a canonical rendering of the template into FNV-1a; every value is length-prefixed so that
// ("ab","c") and ("a","bc") hash differently.
class TemplateHasher {
public:
    void add(std::string_view s)
    {
        addNumber(static_cast<std::int64_t>(s.size()));
        for (unsigned char c : s)
            mix(c);
    }
    void addNumber(std::int64_t v)
    {
        for (int i = 0; i < 8; ++i)
            mix(static_cast<unsigned char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xff));
    }
    void add(const std::map<std::string, std::string> &m, std::string_view skipKey = {})
    {
        for (const auto &[k, v] : m) {
            if (k == skipKey)
                continue;
            add(k);
            add(v);
        }
        add("|");
    }
    void add(const std::vector<std::string> &v)
    {
        addNumber(static_cast<std::int64_t>(v.size()));
        for (const std::string &s : v)
            add(s);
    }
    void add(const api::IntOrString &v) { add(v.isInt() ? "i" + v.toString() : "s" + v.toString()); }
    void add(const std::optional<api::Probe> &probe)
    {
        addNumber(probe ? 1 : 0);
        if (!probe)
            return;
        add(probe->handler);
        add(probe->httpPath);
        add(probe->port);
        add(probe->command);
        for (std::int32_t n : {probe->initialDelaySeconds, probe->periodSeconds, probe->timeoutSeconds,
                               probe->successThreshold, probe->failureThreshold})
            addNumber(n);
    }
    void add(const std::map<std::string, api::Quantity> &m)
    {
        for (const auto &[k, q] : m) {
            add(k);
            addNumber(q.milli);
        }
        add("|");
    }
    void add(const api::Container &c)
    {
        add(c.name);
        add(c.image);
        add(c.imagePullPolicy);
        add(c.command);
        add(c.args);
        addNumber(static_cast<std::int64_t>(c.env.size()));
        for (const api::EnvVar &e : c.env) {
            add(e.name);
            add(e.value);
        }
        addNumber(static_cast<std::int64_t>(c.ports.size()));
        for (const api::ContainerPort &p : c.ports) {
            add(p.name);
            addNumber(p.containerPort);
            add(p.protocol);
        }
        add(c.resources.requests);
        add(c.resources.limits);
        add(c.readinessProbe);
        add(c.livenessProbe);
        add(c.startupProbe);
    }
    void add(const api::PodSpec &spec)
    {
        for (const auto *list : {&spec.initContainers, &spec.containers}) {
            addNumber(static_cast<std::int64_t>(list->size()));
            for (const api::Container &c : *list)
                add(c);
        }
        add(spec.nodeName);
        add(spec.nodeSelector);
        addNumber(static_cast<std::int64_t>(spec.tolerations.size()));
        for (const api::Toleration &t : spec.tolerations) {
            add(t.key);
            add(t.op);
            add(t.value);
            add(t.effect);
            addNumber(t.tolerationSeconds.value_or(-1));
        }
        add(spec.restartPolicy);
        addNumber(spec.terminationGracePeriodSeconds);
        add(spec.serviceAccountName);
    }
    std::uint32_t value() const { return m_hash; }

private:
    void mix(unsigned char c)
    {
        m_hash ^= c;
        m_hash *= 16777619u;
    }
    std::uint32_t m_hash = 2166136261u;
};

} // namespace

std::string safeEncode(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text)
        out.push_back(kSafeAlphabet[c % kSafeAlphabet.size()]);
    return out;
}

std::string podTemplateHash(const api::PodTemplateSpec &podTemplate)
{
    TemplateHasher hasher;
    hasher.add(podTemplate.labels, kPodTemplateHashLabel);
    hasher.add(podTemplate.annotations);
    hasher.add(podTemplate.spec);
    return safeEncode(std::to_string(hasher.value()));
}

} // namespace sim::controllers
