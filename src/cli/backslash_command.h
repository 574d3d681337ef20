// src/cli/backslash_command.h
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace basin::cli {

// A psql-style meta-command: "\timing on" is {name "timing", arguments {"on"}}.
struct BackslashCommand {
  std::string name;
  std::vector<std::string> arguments;
};

// Whether a line of input is a backslash command (its first non-blank is '\').
bool IsBackslashCommand(std::string_view line);

// Splits a command line at blanks; 'single quotes' keep blanks inside an argument
// ("\i 'my file.sql'"), with '' for a quote. REQUIRES: IsBackslashCommand(line).
BackslashCommand ParseBackslashCommand(std::string_view line);

// The text of \help: the commands and a short SQL summary.
std::string BackslashHelpText();

}  // namespace basin::cli
