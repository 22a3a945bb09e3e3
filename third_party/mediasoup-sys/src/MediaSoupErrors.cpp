#define MS_CLASS "MediaSoupError"

#include "MediaSoupErrors.hpp"

/* Class variables. */

thread_local char MediaSoupError::buffer[MediaSoupError::BufferSize];
