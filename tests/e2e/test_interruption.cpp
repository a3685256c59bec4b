// apply killed with SIGKILL at ten points (creates, waits, jobs, settings writes); each time a fresh
// apply converges: exit 0, a clean plan, the same organisation as an uninterrupted apply, nothing
// created twice and nothing lost (issue 7, "Interruption").
//
// How apply is held at a point with the control API alone: a fault holds one request (delayMs),
// either before the operation runs (then answers 503: the change never happened) or after it
// (afterHandling, then 500: the change happened, the answer is lost). The test polls
// /_emulator/faults until the fault has been taken (the request is being held), kills apply, clears
// the faults and applies again. Waits and jobs are found through /_emulator/state or apply's output.
#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <thread>

#include <httplib.h>

#include "e2e_support.h"

using namespace e2e;
using nlohmann::json;

namespace {

const std::string kFixture = "tests/fixtures/interruption";
constexpr double kTimeScale = 120;             // a MAC phone comes online 0.25 s after its create
constexpr int kHoldMs = 1000;                  // long enough to kill apply while a request is held
const std::string kLobbyMac = "0A0000008875";  // the activation-code phone, once its code is used
const std::string kSlowJob = "60s";            // a device job the test can catch running: 0.5 real seconds
const std::string kApplyChanges = "POST /telephony/config/devices/{deviceId}/actions/applyChanges/invoke";

// The fixture's seed with the device jobs' minimum duration (emulated time).
std::string seed_file(const std::string& job_min_duration) {
  std::string seed = read_file(source_path(kFixture + "/seed.yaml"));
  const std::string marker = "JOB_MIN_DURATION";
  seed.replace(seed.find(marker), marker.size(), job_min_duration);
  const std::string path = temp_dir() + "/seed.yaml";
  std::ofstream(path) << seed;
  return path;
}

// A copy of the manifests outside the checkout: the apply lock is per checkout, and other tests
// of this repository may apply at the same time. `only` keeps one file.
std::string manifests(const std::string& only = "") {
  const std::string dir = temp_dir();
  for (const auto& entry : std::filesystem::directory_iterator(source_path(kFixture + "/manifests"))) {
    if (only.empty() || entry.path().filename() == only) {
      std::filesystem::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
    }
  }
  return dir;
}

std::vector<std::string> apply_args(const std::string& dir) {
  return {"apply", dir, "--auto-approve", "--poll-interval-ms", "50"};
}

httplib::Client control(const Emulator& emulator) {
  httplib::Client client("127.0.0.1", emulator.port());
  client.set_read_timeout(10, 0);
  return client;
}

void clear_faults(const Emulator& emulator) {
  auto res = control(emulator).Delete("/_emulator/faults");
  REQUIRE(res);
  REQUIRE(res->status < 300);
}

// Types every unused activation code into its phone, as the lobby's admin would: the first gets
// a fixed MAC so that every run ends with the same organisation.
void use_codes(const Emulator& emulator) {
  const json state = emulator.state();
  for (const auto& c : state["activationCodes"]) {
    if (c.value("used", false)) continue;
    const bool first = state["activationCodes"].size() == 1;
    emulator.post("/_emulator/activationCodes/" + c["code"].get<std::string>() + "/use",
                  first ? json{{"mac", kLobbyMac}} : json::object());
  }
}

// Uses activation codes in the background while an apply runs.
class CodeTyper {
 public:
  explicit CodeTyper(const Emulator& emulator)
      : m_thread([this, &emulator] {
          while (!m_stop) {
            try {
              use_codes(emulator);
            } catch (const std::exception&) {
              // the emulator busy or gone: try again, the test's own checks decide
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
          }
        }) {}
  ~CodeTyper() {
    m_stop = true;
    m_thread.join();
  }

 private:
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

// What an apply leaves in the organisation, without ids, times and counters: compared between an
// interrupted and an uninterrupted apply. Phones by MAC, templates by name.
json snapshot(const Emulator& emulator) {
  const json state = emulator.state();
  json out;
  json phones = json::object();
  for (const auto& d : state["devices"]) {
    const std::string mac = d.value("mac", "");
    json tags = d["tags"];
    std::sort(tags.begin(), tags.end());
    const json config = emulator.get("/_emulator/devices/" + mac + "/config");
    json members = json::array();
    for (const auto& m : config["members"]) {
      members.push_back({{"id", m["id"]},
                         {"port", m["port"]},
                         {"lineType", m["lineType"]},
                         {"lineLabel", m.value("lineLabel", "")}});
    }
    phones[mac] = {{"model", d["model"]},
                   {"owner", d.value("personId", d.value("workspaceId", ""))},
                   {"connectionStatus", d["connectionStatus"]},
                   {"tags", tags},
                   {"layout", d["layout"]},
                   {"customEnabled", d["settings"]["customEnabled"]},
                   {"customizations", d["settings"]["customizations"]},
                   {"dynamicSettings", d["settings"]["dynamicSettings"]},
                   {"configurations", config["configurations"]},
                   {"members", members},
                   {"applyChangesCount", d["settings"].value("applyChangesCount", 0)}};
  }
  out["phones"] = phones;
  json templates = json::object();
  for (const auto& t : state["lineKeyTemplates"]) {
    templates[t["templateName"].get<std::string>()] = {{"deviceModel", t["deviceModel"]},
                                                       {"lineKeys", t["lineKeys"]},
                                                       {"userReorderEnabled", t["userReorderEnabled"]}};
  }
  out["templates"] = templates;
  out["settings"] = state["settings"];
  return out;
}

// MACs and template names that occur more than once, in the state and in the creates of the write log.
std::vector<std::string> duplicates(const Emulator& emulator) {
  std::vector<std::string> found;
  const json state = emulator.state();
  std::map<std::string, int> seen;
  for (const auto& d : state["devices"]) ++seen["state device " + d.value("mac", "")];
  for (const auto& t : state["lineKeyTemplates"]) ++seen["state template " + t.value("templateName", "")];
  const json writes = emulator.get("/_emulator/writes");  // named: ranging over a temporary's member dangles
  for (const auto& w : writes["items"]) {
    if (!w.contains("created") || w["created"].is_null()) continue;
    const json& c = w["created"];
    ++seen["created " + c.value("kind", "") + " " + c.value("mac", c.value("name", ""))];
  }
  for (const auto& [key, n] : seen) {
    if (n > 1) found.push_back(key + " x" + std::to_string(n));
  }
  return found;
}

// The uuid inside a Webex id (base64 of "ciscospark://us/TYPE/UUID"), so that the DEVICE and
// CALLING_DEVICE forms of one phone compare equal.
std::string uuid_of_id(const std::string& id) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text;
  int bits = 0;
  unsigned value = 0;
  for (char c : id) {
    const auto at = kAlphabet.find(c);
    if (at == std::string::npos) break;  // padding
    value = (value << 6) | static_cast<unsigned>(at);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      text += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return text.substr(text.rfind('/') + 1);
}

// Phones whose configuration was written (layout, members, settings, dynamic settings) with no
// applyChanges after the last write: the phone never fetches it, a change lost in practice.
std::vector<std::string> unapplied_phones(const Emulator& emulator) {
  const std::string prefix = "/telephony/config/devices/";
  std::map<std::string, bool> pending;  // device uuid -> written since its last applyChanges
  const json writes = emulator.get("/_emulator/writes");  // named: ranging over a temporary's member dangles
  for (const auto& w : writes["items"]) {
    const json handled = w["handledStatus"];
    if (!handled.is_number() || handled.get<int>() >= 300) continue;
    const std::string path = w.value("path", "");
    if (path.rfind(prefix, 0) != 0) continue;
    const std::string rest = path.substr(prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) continue;
    const std::string id = uuid_of_id(rest.substr(0, slash));
    const std::string what = rest.substr(slash + 1);
    if (what == "actions/applyChanges/invoke") {
      pending[id] = false;
    } else if (what == "layout" || what == "members" || what == "settings" || what == "dynamicSettings") {
      pending[id] = true;
    }
  }
  std::vector<std::string> out;
  for (const auto& [id, written] : pending) {
    if (written) out.push_back(id);
  }
  return out;
}

// The organisation after an uninterrupted apply of the fixture, computed once.
const json& reference() {
  static const json value = [] {
    Emulator emulator(seed_file("3s"), EmulatorOptions{kTimeScale, true});
    Result done;
    {
      CodeTyper typer(emulator);
      done = run_wxphones(apply_args(manifests()), emulator.env());
    }
    REQUIRE_MESSAGE(done.exit_code == 0, (done.out + done.err));
    CHECK(unapplied_phones(emulator) == std::vector<std::string>{});
    return snapshot(emulator);
  }();
  return value;
}

// Where apply is killed and how the test knows it got there.
struct KillPoint {
  json fault;                    // held request; null when `reached` alone decides
  bool type_codes = true;        // false: the activation code stays unused until apply is killed
  bool templates_first = false;  // the template exists before: its phones get one apply-template job
  std::string job_min_duration = "3s";
  // Extra condition (polled) for points without a fault: a wait or a running job.
  std::function<bool(const Emulator&, const Background&)> reached;
};

// Held before the operation runs; then 503: the change never happened.
KillPoint hold_before(const std::string& operation) {
  KillPoint point;
  point.fault = {{"operation", operation}, {"delayMs", kHoldMs}, {"status", 503}, {"count", 1}};
  return point;
}

// The operation runs, its answer is held; then 500: the change happened, the client cannot tell.
KillPoint hold_after(const std::string& operation) {
  KillPoint point;
  point.fault = {
      {"operation", operation}, {"delayMs", kHoldMs}, {"status", 500}, {"afterHandling", true}, {"count", 1}};
  return point;
}

bool fault_fired(const Emulator& emulator) {
  return emulator.get("/_emulator/faults").empty();
}

bool job_running(const Emulator& emulator, const std::string& family) {
  const json state = emulator.state();
  for (const auto& job : state["jobs"]) {
    if (job.value("family", "") != family) continue;
    const std::string status = job.value("latestExecutionStatus", "");
    if (status == "STARTING" || status == "STARTED") return true;
  }
  return false;
}

// Kills apply at `point`, then checks that a fresh apply converges. Returns the phones whose new
// configuration was written but never followed by an applyChanges (see the known bug below):
// the callers check it, except at the points where that bug is known to strike.
std::vector<std::string> kill_then_converge(const KillPoint& point) {
  Emulator emulator(seed_file(point.job_min_duration), EmulatorOptions{kTimeScale, true});
  const auto env = emulator.env();
  const std::string dir = manifests();
  if (point.templates_first) {
    Result created = run_wxphones(apply_args(manifests("templates.yaml")), env);
    REQUIRE_MESSAGE(created.exit_code == 0, (created.out + created.err));
  }
  if (!point.fault.is_null()) emulator.post("/_emulator/faults", point.fault);

  {
    Background apply(apply_args(dir), env);
    std::optional<CodeTyper> typer;
    if (point.type_codes) typer.emplace(emulator);
    bool reached = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!reached && std::chrono::steady_clock::now() < deadline) {
      reached = (point.fault.is_null() || fault_fired(emulator)) &&
                (!point.reached || point.reached(emulator, apply));
      if (!reached) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // afterHandling: the operation runs right after the fault is taken; give it that moment.
    if (reached && point.fault.is_object() && point.fault.value("afterHandling", false)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }
    apply.kill(SIGKILL);
    Result killed = apply.wait();
    REQUIRE_MESSAGE(reached, "apply never reached the kill point\n" << killed.out << killed.err);
    // Still running when killed: the kill really interrupted it.
    REQUIRE_MESSAGE(killed.exit_code == 128 + SIGKILL, (killed.out + killed.err));
    CHECK_FALSE(contains(killed.out, "Apply complete"));
  }
  clear_faults(emulator);
  if (point.fault.is_object()) {
    // The held request reaches the write log once its hold ends: it ran, or not, as meant. Waiting
    // for it also keeps the log in the order things happened for unapplied_phones().
    json held = json::array();
    for (int i = 0; i < 100 && held.empty(); ++i) {
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const json writes =
          emulator.get("/_emulator/writes");  // named: ranging over a temporary's member dangles
      for (const auto& w : writes["items"]) {
        if (w.value("operation", "") == point.fault["operation"] && !w["fault"].is_null()) held.push_back(w);
      }
    }
    REQUIRE(held.size() == 1);
    if (point.fault.value("afterHandling", false)) {
      CHECK(held[0]["handledStatus"].is_number());
      CHECK(held[0]["handledStatus"] < 300);
    } else {
      CHECK(held[0]["handledStatus"].is_null());
    }
  }

  Result again;
  {
    CodeTyper typer(emulator);
    again = run_wxphones(apply_args(dir), env);
  }
  INFO("re-apply output:\n" << again.out << again.err);
  CHECK(again.exit_code == 0);
  Result plan = run_wxphones({"plan", dir, "--detailed-exitcode"}, env);
  CHECK_MESSAGE(plan.exit_code == 0, (plan.out + plan.err));

  CHECK(duplicates(emulator) == std::vector<std::string>{});
  const json state = emulator.state();
  CHECK(state["activationCodes"].size() == 1);
  const json after = snapshot(emulator);
  const json& expected = reference();
  CHECK(after["phones"].size() == expected["phones"].size());
  for (const auto& [mac, phone] : expected["phones"].items()) {
    INFO("phone " << mac);
    REQUIRE(after["phones"].contains(mac));
    for (const auto& [field, value] : phone.items()) {
      if (field == "applyChangesCount") continue;  // below
      INFO("field " << field);
      CHECK(after["phones"][mac][field] == value);
    }
  }
  CHECK(after["templates"] == expected["templates"]);
  CHECK(after["settings"] == expected["settings"]);

  // Lost applyChanges: from the write log (layout, members, settings, dynamic settings), and from
  // the counts for the configurations PATCH, whose log entry does not name the phone. The desks
  // are left out of the counts: their layout may come through a job, which needs no applyChanges.
  std::vector<std::string> unapplied = unapplied_phones(emulator);
  for (const auto& [mac, phone] : expected["phones"].items()) {
    if (mac.rfind("0A00000000D", 0) == 0) continue;
    if (phone["applyChangesCount"] > 0 && after["phones"][mac]["applyChangesCount"] == 0) {
      unapplied.push_back("MAC " + mac);
    }
  }
  return unapplied;
}

const std::vector<std::string> kNone;

}  // namespace

namespace doctest {
// The phones named in a failed check.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + item;
    return (out + "]").c_str();
  }
};
}  // namespace doctest

namespace {}  // namespace

TEST_CASE("interrupt: the uninterrupted apply of the fixture is the reference") {
  const json& expected = reference();
  // The fixture's intent, so that the reference itself is checked: 9 seeded phones - 1 pruned + 3 created.
  CHECK(expected["phones"].size() == 11);
  CHECK_FALSE(expected["phones"].contains("0A00000000FF"));
  CHECK(expected["phones"][kLobbyMac]["tags"] == json{"lobby", "managed-by-wxphones"});
  CHECK(expected["phones"]["0A00000000D1"]["layout"]["layoutMode"] == "CUSTOM");
  CHECK(expected["phones"]["0A0000000C51"]["members"].size() == 2);
  CHECK(expected["phones"]["0A0000000B51"]["customizations"]["mpp"]["backlightTimer"] == "FIVE_MIN");
  CHECK(expected["phones"]["0A0000000A41"]["dynamicSettings"]["%SCREEN_BRIGHTNESS%"] == "7");
  CHECK(expected["phones"]["0A0000000A75"]["configurations"]["Audio.Ringer.Volume"] == 9);
  CHECK(expected["templates"].contains("desk-9861"));
  CHECK(expected["settings"]["compression"]["people"]["alice@acme.example"] == "ON");
}

TEST_CASE("interrupt: 1 during a phone create, before the emulator handles it") {
  CHECK(kill_then_converge(hold_before("POST /devices")) == kNone);
}

TEST_CASE("interrupt: 2 during a phone create whose answer is lost") {
  SUBCASE("by MAC") {
    CHECK(kill_then_converge(hold_after("POST /devices")) == kNone);
  }
  // Second finding: the code lives only in the lost answer. The next apply pairs the activating
  // phone (no second code) but never shows a code again: an admin is left with none to type. The
  // test types the code from the emulator's state, so only the no-duplicate part is proven here.
  SUBCASE("activation code") {
    CHECK(kill_then_converge(hold_after("POST /devices/activationCode")) == kNone);
  }
}

TEST_CASE("interrupt: 3 while apply waits for the activation-code phone to come online") {
  KillPoint point;
  point.type_codes = false;
  point.reached = [](const Emulator&, const Background& apply) {
    return contains(apply.out_so_far(), "waiting for lobby-8875 (activating)");
  };
  CHECK(kill_then_converge(point) == kNone);
}

TEST_CASE("interrupt: 4 during a line key template create") {
  SUBCASE("held before it is handled") {
    CHECK(kill_then_converge(hold_before("POST /telephony/config/devices/lineKeyTemplates")) == kNone);
  }
  SUBCASE("its answer lost") {
    CHECK(kill_then_converge(hold_after("POST /telephony/config/devices/lineKeyTemplates")) == kNone);
  }
}

TEST_CASE("interrupt: 5 while an applyLineKeyTemplate job runs") {
  KillPoint point;
  point.templates_first = true;
  point.job_min_duration = kSlowJob;
  point.reached = [](const Emulator& emulator, const Background&) {
    return job_running(emulator, "applyLineKeyTemplate");
  };
  CHECK(kill_then_converge(point) == kNone);
}

// From the layout writes on, a kill leaves phones whose configuration was written but not yet fetched
// (no applyChanges yet): they carry the apply marker tag, and the next apply asks them to fetch it.
TEST_CASE("interrupt: 6 during a phone's layout write") {
  CHECK(kill_then_converge(hold_before("PUT /telephony/config/devices/{deviceId}/layout")) == kNone);
}

TEST_CASE("interrupt: 7 during a members write") {
  CHECK(kill_then_converge(hold_after("PUT /telephony/config/devices/{deviceId}/members")) == kNone);
}

TEST_CASE("interrupt: 8 during device settings writes") {
  SUBCASE("a phone's customizations") {
    CHECK(kill_then_converge(hold_before("PUT /telephony/config/devices/{deviceId}/settings")) == kNone);
  }
  SUBCASE("a person's compression, its answer lost") {
    CHECK(kill_then_converge(hold_after("PUT /telephony/config/people/{personId}/devices/settings")) ==
          kNone);
  }
  SUBCASE("a phone's dynamic settings") {
    CHECK(kill_then_converge(hold_before("PUT /telephony/config/devices/{deviceId}/dynamicSettings")) ==
          kNone);
  }
}

TEST_CASE("interrupt: 9 during the location's callDeviceSettings job") {
  SUBCASE("its start answer lost") {
    CHECK(kill_then_converge(hold_after("POST /telephony/config/jobs/devices/callDeviceSettings")) == kNone);
  }
  SUBCASE("while it runs") {
    KillPoint point;
    point.job_min_duration = kSlowJob;
    point.reached = [](const Emulator& emulator, const Background&) {
      return job_running(emulator, "callDeviceSettings");
    };
    CHECK(kill_then_converge(point) == kNone);
  }
}

TEST_CASE("interrupt: 10 during a phone's configurations PATCH") {
  CHECK(kill_then_converge(hold_before("PATCH /deviceConfigurations")) == kNone);
}

// Killed after a phone's writes and before its applyChanges: the phone still carries the marker that
// apply put on before the first write, so the next plan asks it to fetch its configuration although
// nothing differs any more (this was a lost change before the marker existed).
TEST_CASE("interrupt: 11 between a phone's writes and its applyChanges") {
  CHECK(kill_then_converge(hold_before(kApplyChanges)) == kNone);
}
