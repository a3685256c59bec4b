#pragma once
// Pieces of the pull-request Markdown (render_markdown.cpp assembles them within the budget).
#include <string>
#include <vector>

#include "wxphones/plan/plan.h"

namespace wx::markdown {

// How much detail a location section carries; each level drops what the one before kept.
enum class Detail { Full, NoGrids, NoTables, CountsOnly };

// Summary line, waits, jobs, unreached phones, plan errors, then the deletion warning. Bounded:
// long name lists are cut, so the head stays small whatever the plan size.
std::string head(const Plan& plan);

// One location's steps ("" = organization).
std::string location_section(const std::string& location, const std::vector<const Step*>& steps,
                             Detail detail);

// Notes and plan diagnostics; `limit` caps each list (0: no cap).
std::string notes_section(const Plan& plan, std::size_t limit);

// "65,000"
std::string thousands(std::size_t n);

std::string html_escape(const std::string& text);

}  // namespace wx::markdown
