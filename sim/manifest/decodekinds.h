#pragma once

// Per-kind decoders behind decodeDocument(): each reads the kind's top-level fields (spec, data, ...)
// from the object's reader and applies the API server's defaults. Internal to sim/manifest.

#include "sim/api/object.h"
#include "sim/manifest/mapreader.h"

namespace sim::manifest {

void decodeObjectMeta(MapReader &metadata, api::ObjectMeta &out);
void decodeLabelSelector(MapReader &selector, api::LabelSelector &out);

void decodeBody(MapReader &top, api::Namespace &out);
void decodeBody(MapReader &top, api::Node &out);
void decodeBody(MapReader &top, api::ConfigMap &out);
void decodeBody(MapReader &top, api::Secret &out);
void decodeBody(MapReader &top, api::Pod &out);
void decodeBody(MapReader &top, api::ReplicaSet &out);
void decodeBody(MapReader &top, api::Deployment &out);
void decodeBody(MapReader &top, api::Service &out);
void decodeBody(MapReader &top, api::EndpointSlice &out);
void decodeBody(MapReader &top, api::IngressClass &out);
void decodeBody(MapReader &top, api::Ingress &out);
void decodeBody(MapReader &top, api::GatewayClass &out);
void decodeBody(MapReader &top, api::Gateway &out);
void decodeBody(MapReader &top, api::HTTPRoute &out);
void decodeBody(MapReader &top, api::ReferenceGrant &out);

} // namespace sim::manifest
