// src/common/byte_sink.h
#pragma once

#include <string_view>

namespace basin {

// Somewhere to send bytes that is not a file: a client's standard output (COPY TO
// STDOUT in the CLI) or a protocol stream (CopyData messages). Writers hand over
// chunks of whole rows; a sink may throw basin::Error to abort the writer.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual void Write(std::string_view bytes) = 0;
};

}  // namespace basin
