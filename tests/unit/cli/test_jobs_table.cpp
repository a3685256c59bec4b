#include <doctest/doctest.h>

#include "cli/jobs_table.h"

using namespace wx;
using namespace wx::cli;

TEST_CASE("jobs table: aligned columns, one row per job, dashes for what Webex did not say") {
  DeviceJob done;
  done.id = "J1";
  done.latest_execution_status = "COMPLETED";
  done.latest_execution_exit_code = "COMPLETED";
  done.percentage_complete = 100;
  done.device_count = 12;
  DeviceJob running;
  running.id = "J22";
  running.name = "rebuild HQ";
  running.latest_execution_status = "STARTED";
  CHECK(render_jobs_table({{JobFamily::RebuildPhones, done}, {JobFamily::CallDeviceSettings, running}}) ==
        "FAMILY              ID   STATUS     EXIT CODE  DONE  DEVICES  NAME\n"
        "rebuildPhones       J1   COMPLETED  COMPLETED  100%  12       -\n"
        "callDeviceSettings  J22  STARTED    -          0%    -        rebuild HQ\n");
  CHECK(render_jobs_table({}) == "No device jobs.\n");
  const auto json = job_to_json(JobFamily::RebuildPhones, done);
  CHECK(json["family"] == "rebuildPhones");
  CHECK(json["deviceCount"] == 12);
  CHECK_FALSE(json.contains("updatedCount"));
}

TEST_CASE("job errors table joins an item's messages") {
  DeviceJobError e;
  e.item_number = 1;
  e.item = "D1";
  e.key = "500";
  e.tracking_id = "T1";
  e.messages = {"phone unreachable", "retry later"};
  CHECK(render_job_errors_table({e}) ==
        "#  ITEM  TYPE  KEY  TRACKING ID  MESSAGE\n"
        "1  D1    -     500  T1           phone unreachable; retry later\n");
  CHECK(render_job_errors_table({}) == "No errors.\n");
}
