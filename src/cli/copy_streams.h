// src/cli/copy_streams.h
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "main/copy_stream.h"

namespace basin::cli {

// The CLI's end of COPY ... FROM STDIN, as psql does it: the data are the input
// lines that follow the statement (in a script, in piped stdin, or typed at a ">> "
// prompt), up to a line "\." or the end of input.
class CliCopyIn : public CopyInStream {
 public:
  // Reads one line without its newline; false at the end of input.
  using LineReader = std::function<bool(std::string& line)>;

  explicit CliCopyIn(std::ostream& hint_out);
  // Where the lines come from now; `interactive` prints psql's hint first.
  void set_reader(LineReader reader, bool interactive) {
    reader_ = std::move(reader);
    interactive_ = interactive;
  }
  const LineReader& reader() const { return reader_; }
  bool interactive() const { return interactive_; }

  void Begin(const CopyStreamFormat& format) override;
  bool Read(std::string& out) override;

 private:
  std::ostream& hint_out_;
  LineReader reader_;
  bool interactive_ = false;
};

// The CLI's end of COPY ... TO STDOUT: the rows go to its standard output as they are.
class CliCopyOut : public CopyOutStream {
 public:
  explicit CliCopyOut(std::ostream& out) : out_(out) {}
  void Write(std::string_view bytes) override;
  void End() override;

 private:
  std::ostream& out_;
};

}  // namespace basin::cli
