// src/main/copy_stream.h
#pragma once

#include <cstddef>
#include <string>

#include "common/byte_sink.h"

namespace basin {

// How COPY ... FROM STDIN and COPY ... TO STDOUT exchange data with the client. The
// engine pulls input and pushes output through these, so that the CLI (lines after
// the statement, its standard output) and a PostgreSQL-wire server (CopyInResponse
// and CopyData messages) use the same COPY code. Attach them with
// Connection::SetCopyStreams.

// What a client needs to announce a copy (PostgreSQL's CopyInResponse/CopyOutResponse).
struct CopyStreamFormat {
  bool csv = false;  // else PostgreSQL's text format
  size_t num_columns = 0;
};

class CopyInStream {
 public:
  virtual ~CopyInStream() = default;
  // Called once per COPY FROM STDIN, before the first Read: a server sends
  // CopyInResponse here, an interactive CLI prints its hint.
  virtual void Begin(const CopyStreamFormat& format) { (void)format; }
  // Appends the next chunk of data (any split; lines end in '\n') to `out`. Returns
  // false at the end of the data: the end-of-data line "\." or the end of input, which
  // the stream consumes and does not pass on. May throw basin::Error to abort the
  // COPY (a client's CopyFail).
  virtual bool Read(std::string& out) = 0;
};

class CopyOutStream : public ByteSink {
 public:
  // Called once per COPY TO STDOUT before any Write, and End after the last one.
  virtual void Begin(const CopyStreamFormat& format) { (void)format; }
  virtual void End() {}
};

}  // namespace basin
