// wxphones export [--location NAME]... --out DIR: manifests from the live organisation, written so
// that planning them against the same organisation gives no changes.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/session.h"
#include "wxphones/cli/command.h"
#include "wxphones/export/export_documents.h"
#include "wxphones/export/export_reader.h"
#include "wxphones/export/yaml_writer.h"
#include "wxphones/webex/access_token.h"
#include "wxphones/webex/client_config.h"
#include "wxphones/webex/webex_client.h"

namespace wx::cli {

namespace {

struct ExportFlags {
  std::vector<std::string> locations;
  std::string out;
  std::string org_id;
  ConnectionFlags connection;
};

int run_export(const ExportFlags& flags) {
  try {
    const std::optional<std::string> org = flags.org_id.empty() ? std::nullopt : std::optional(flags.org_id);
    auto api = connect(flags.connection, org);
    // People by id and the workspace list are not part of WebexApi: a plain client answers them.
    WebexClient directory(client_config(flags.connection, org));

    exporter::ExportReadOptions options;
    options.locations = flags.locations;
    options.parallelism = flags.connection.max_in_flight;
    const LiveState live = exporter::read_export_state(*api, directory, options);
    const exporter::ExportResult result = exporter::build_export(live, flags.locations);

    std::filesystem::create_directories(flags.out);
    for (const auto& file : result.files) {
      const auto path = std::filesystem::path(flags.out) / file.name;
      std::ofstream out(path, std::ios::trunc);
      out << exporter::to_yaml(file);
      if (!out) throw std::runtime_error("cannot write " + path.string());
    }
    std::cout << "Exported " << result.phones << (result.phones == 1 ? " phone" : " phones") << " to "
              << flags.out << " (" << result.files.size() << " files)";
    if (result.skipped > 0) std::cout << "; skipped " << result.skipped << " (see the comments in the files)";
    std::cout << "\n";
    return 0;
  } catch (const std::exception& e) {
    return report_failure(e, std::cerr);
  }
}

}  // namespace

void add_export_command(CLI::App& app, CommandAction& action) {
  auto flags = std::make_shared<ExportFlags>();
  auto* cmd = app.add_subcommand("export", "Write manifests from the live organisation");
  cmd->add_option("--location", flags->locations,
                  "Only the phones of this location (repeatable; default: all)");
  cmd->add_option("--out", flags->out, "Directory to write the manifests to")->required();
  cmd->add_option("--org-id", flags->org_id, "Organisation (partner administrators)");
  flags->connection.add_to(*cmd);
  cmd->callback([flags, &action] { action = [flags] { return run_export(*flags); }; });
}

}  // namespace wx::cli
