// src/format/parquet/parquet_encodings.h
// All of Parquet's value and level decoders and encoders; one file per encoding.
// Decoders are concrete classes (no virtual calls) that decode a batch at a time into
// caller buffers and never read outside the span they were given.
#pragma once

#include "format/parquet/byte_stream_split.h"
#include "format/parquet/delta_binary_packed.h"
#include "format/parquet/delta_byte_array.h"
#include "format/parquet/plain_encoding.h"
#include "format/parquet/rle_bit_packed.h"
