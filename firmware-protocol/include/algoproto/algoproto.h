#pragma once
// Everything a host or firmware needs to speak the Algoscope native protocol v1.
#include "algoproto/Cobs.h"
#include "algoproto/Crc16.h"
#include "algoproto/Encode.h"
#include "algoproto/Messages.h"
#include "algoproto/Parse.h"
#include "algoproto/Protocol.h"
#include "algoproto/StreamDecoder.h"
