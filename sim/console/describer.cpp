#include "sim/console/describer.h"

#include "sim/console/describers.h"
#include "sim/simulation.h"

namespace sim::console {

std::string describeObject(const Simulation &simulation, const api::Object &object)
{
    DescribeWriter writer;
    describe::Context context{simulation, writer, simulation.engine().now()};
    switch (object.kind()) {
    case api::Kind::Pod: describe::pod(context, object); break;
    case api::Kind::Deployment: describe::deployment(context, object); break;
    case api::Kind::ReplicaSet: describe::replicaSet(context, object); break;
    case api::Kind::Service: describe::service(context, object); break;
    case api::Kind::Ingress: describe::ingress(context, object); break;
    case api::Kind::Node: describe::node(context, object); break;
    case api::Kind::Namespace: describe::namespace_(context, object); break;
    default: describe::generic(context, object); break;
    }
    return writer.text();
}

namespace describe {

void events(Context &c, const api::Object &o)
{
    std::vector<const controllers::Event *> found;
    for (const controllers::Event &e : c.simulation.events().events()) {
        const controllers::InvolvedObject &io = e.involvedObject;
        if (io.kind == o.kind() && io.namespace_ == o.metadata.namespace_ && io.name == o.metadata.name &&
            (io.uid.empty() || io.uid == o.metadata.uid))
            found.push_back(&e);
    }
    c.w.events(found, c.now);
}

std::string controlledBy(const api::ObjectMeta &meta)
{
    const api::OwnerReference *ref = meta.controllerRef();
    return ref ? ref->kind + "/" + ref->name : std::string();
}

} // namespace describe
} // namespace sim::console
