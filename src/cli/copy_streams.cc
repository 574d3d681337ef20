#include "cli/copy_streams.h"

#include <iostream>

namespace basin::cli {

CliCopyIn::CliCopyIn(std::ostream& hint_out)
    : hint_out_(hint_out),
      reader_([](std::string& line) { return static_cast<bool>(std::getline(std::cin, line)); }) {}

void CliCopyIn::Begin(const CopyStreamFormat&) {
  if (!interactive_) return;
  hint_out_ << "Enter data to be copied followed by a newline.\n"
               "End with a backslash and a period on a line by itself, or an EOF signal.\n";
  hint_out_.flush();
}

bool CliCopyIn::Read(std::string& out) {
  std::string line;
  if (!reader_(line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line == "\\.") return false;
  out += line;
  out.push_back('\n');
  return true;
}

void CliCopyOut::Write(std::string_view bytes) { out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); }

void CliCopyOut::End() { out_.flush(); }

}  // namespace basin::cli
