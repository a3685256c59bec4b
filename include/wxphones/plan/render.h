#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "wxphones/plan/plan.h"

namespace wx {

// Display only: nothing a renderer does changes what apply does.
struct TextRenderOptions {
  bool color = false;  // ANSI colour; the CLI enables it only on a terminal without NO_COLOR
};

std::string render_text(const Plan& plan, const TextRenderOptions& options = {});
// Markdown for a pull-request comment. Comments have a hard size limit (GitHub: 65,536), so past
// `budget` characters detail is dropped (layout grids first, then field tables, then per-step
// lines, keeping per-location counts); the summary is never dropped and the text says where the
// full plan is.
struct MarkdownOptions {
  std::size_t budget = 65000;
  std::string full_plan_hint;  // e.g. "`plan.json`"; empty: "`wxphones plan --format json`"
};
std::string render_markdown(const Plan& plan);
std::string render_markdown(const Plan& plan, const MarkdownOptions& options);

// The machine-readable plan (schemas/plan.schema.json). Versioned: additive changes bump the minor.
inline constexpr const char* kPlanFormatVersion = "1.1";
nlohmann::json plan_to_json(const Plan& plan);

// "Plan: 2 to add, 1 to change, 0 to destroy." plus waits, shared by every renderer.
std::string summary_line(const PlanSummary& summary);

}  // namespace wx
