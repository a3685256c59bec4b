#pragma once
// The files of one benchmark org: the emulator seed (docs/emulator.md "Seed") and the manifest
// directory (schemas/*.json). Rewritten in place to make the measured changes.
#include <string>

#include "bench_org.h"

namespace wx::bench {

// Revisions of what the measured runs change; 0 is the state the setup applies.
struct Revisions {
  int template_t0 = 0;     // t0's second speed-dial label
  int location_value = 0;  // the first settings location's backlightTimer
};

void write_seed(const BenchOrg& org, const std::string& path);
// Writes every manifest into dir (templates.yaml, settings.yaml, one phones file per location).
void write_manifests(const BenchOrg& org, const std::string& dir, const Revisions& revisions);
void write_templates(const BenchOrg& org, const std::string& dir, const Revisions& revisions);
void write_settings(const BenchOrg& org, const std::string& dir, const Revisions& revisions);

// The inline CUSTOM layout a phone declares, as a flow mapping (also sent as drift).
std::string inline_layout_yaml(const BenchPhone& phone);

}  // namespace wx::bench
