#pragma once
#include "wxphones/model/desired.h"
#include "wxphones/model/live.h"
#include "wxphones/plan/plan.h"

namespace wx {

// Line key templates: create what is missing, update what differs (PUT changes keys and
// userReorderEnabled only, so a changed model is a replace), delete templates no manifest declares
// and no phone uses, only with Project.spec.prune.templates.
void plan_templates(const DesiredState& desired, const LiveState& live, Plan& plan);

// The live template a desired one pairs with (by templateName), or nullptr.
const LineKeyTemplate* live_template_for(const DesiredTemplate& desired, const LiveState& live);

}  // namespace wx
