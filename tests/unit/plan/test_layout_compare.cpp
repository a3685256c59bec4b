#include <doctest/doctest.h>

#include "support/builders.h"
#include "wxphones/plan/key_grid.h"
#include "wxphones/plan/layout_compare.h"

using namespace wx;
using namespace wx::test;

TEST_CASE("a DEFAULT layout reads back without keys: it matches whatever keys were sent") {
  Layout desired;
  desired.mode = LayoutMode::Default;
  desired.line_keys = {key(1, "PRIMARY_LINE")};
  Layout live;  // DEFAULT, no keys
  CHECK(layout_matches(desired, live));
  live.mode = LayoutMode::Custom;
  CHECK_FALSE(layout_matches(desired, live));
}

TEST_CASE("KEM keys not sent read back OPEN; key order does not matter") {
  Layout desired;
  desired.mode = LayoutMode::Custom;
  desired.line_keys = {key(2, "SPEED_DIAL", "Help", "5000"), key(1, "PRIMARY_LINE")};
  desired.kem_module_type = "KEM_20_KEYS";
  desired.kem_keys = {kem_key(1, 1, "SPEED_DIAL", "A", "1000")};
  Layout live = desired;
  live.line_keys = {key(1, "PRIMARY_LINE"), key(2, "SPEED_DIAL", "Help", "5000"), key(3, "OPEN")};
  live.kem_keys = {kem_key(1, 1, "SPEED_DIAL", "A", "1000"), kem_key(1, 2, "OPEN"), kem_key(1, 3, "OPEN")};
  CHECK(layout_matches(desired, live));
  live.kem_keys[0].value = "1001";
  CHECK_FALSE(layout_matches(desired, live));
}

TEST_CASE("userReorderEnabled counts only when the manifest sets it") {
  Layout desired;
  desired.mode = LayoutMode::Custom;
  desired.line_keys = {key(1, "PRIMARY_LINE")};
  Layout live = desired;
  live.user_reorder_enabled = true;
  CHECK(layout_matches(desired, live));
  desired.user_reorder_enabled = false;
  CHECK_FALSE(layout_matches(desired, live));
}

TEST_CASE("the key grid marks changed, new and removed keys, KEM modules as their own grids") {
  Layout before;
  before.mode = LayoutMode::Custom;
  before.line_keys = {key(1, "PRIMARY_LINE"), key(2, "OPEN"), key(3, "MONITOR")};
  Layout after = before;
  after.line_keys = {key(1, "PRIMARY_LINE"), key(2, "SPEED_DIAL", "Help", "5000")};
  after.kem_module_type = "KEM_20_KEYS";
  after.kem_keys = {kem_key(1, 1, "SPEED_DIAL", "Lobby", "2000")};
  const std::string text = key_grid_text(layout_to_json(before), layout_to_json(after), "");
  CHECK(text.find("~ 2    SPEED_DIAL") != std::string::npos);
  CHECK(text.find("(was OPEN)") != std::string::npos);
  CHECK(text.find("- 3    MONITOR") != std::string::npos);
  CHECK(text.find("KEM module 1:") != std::string::npos);
  CHECK(text.find("+ 1    SPEED_DIAL            Lobby") != std::string::npos);
  const std::string md = key_grid_markdown(layout_to_json(before), layout_to_json(after));
  CHECK(md.find("| `~` | 2 | SPEED_DIAL | Help | 5000 (was OPEN) |") != std::string::npos);
}
