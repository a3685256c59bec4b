#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "wxphones/plan/plan.h"

namespace wx {

// Display only: nothing a renderer does changes what apply does.
struct TextRenderOptions {
  bool color = false;  // ANSI colour; the CLI enables it only on a terminal without NO_COLOR
};

std::string render_text(const Plan& plan, const TextRenderOptions& options = {});
std::string render_markdown(const Plan& plan);

// The machine-readable plan (schemas/plan.schema.json). Versioned: additive changes bump the minor.
inline constexpr const char* kPlanFormatVersion = "1.1";
nlohmann::json plan_to_json(const Plan& plan);

// "Plan: 2 to add, 1 to change, 0 to destroy." plus waits, shared by every renderer.
std::string summary_line(const PlanSummary& summary);

}  // namespace wx
