#pragma once

#include "sim/api/object.h"
#include "sim/engine/randomstream.h"
#include "sim/manifest/diagnostic.h"
#include "sim/manifest/document.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace sim {

/**
 * What the API server does to an object between validation and storage: allocate a Service's clusterIP
 * (from 10.96.0.0/12) and nodePorts (30000-32767), keep server-set fields across updates (clusterIP,
 * nodePorts, a pod's node), and refuse updates Kubernetes refuses (immutable fields, both rolling-update
 * fences zero). Allocations made while admitting a batch are tentative until commit().
 */
class Admission {
public:
    static constexpr std::uint32_t kServiceNetwork = (10u << 24) | (96u << 16);  // 10.96.0.0/12
    static constexpr std::uint32_t kServiceNetworkSize = 1u << 20;
    static constexpr int kNodePortMin = 30000;
    static constexpr int kNodePortMax = 32767;

    explicit Admission(engine::RandomStream random);

    /** Admits `object` (the desired state; `existing` is the stored one or null). Errors point into `document`. */
    std::vector<manifest::Diagnostic> admit(api::Object &object, const api::ObjectPtr &existing,
                                            const manifest::Document &document);
    void commit();
    void rollback();
    /** Frees what a removed Service held. */
    void release(const api::Object &service);

private:
    void admitService(api::Object &object, const api::ObjectPtr &existing, const manifest::Document &document,
                      std::vector<manifest::Diagnostic> &out);
    void admitDeployment(const api::Object &object, const api::ObjectPtr &existing, const manifest::Document &document,
                         std::vector<manifest::Diagnostic> &out);
    void admitPod(api::Object &object, const api::ObjectPtr &existing, const manifest::Document &document,
                  std::vector<manifest::Diagnostic> &out);
    std::string allocateClusterIP();
    int allocateNodePort();

    engine::RandomStream m_random;
    std::set<std::string> m_clusterIPs;
    std::set<int> m_nodePorts;
    std::vector<std::string> m_tentativeIPs;
    std::vector<int> m_tentativePorts;
};

} // namespace sim
