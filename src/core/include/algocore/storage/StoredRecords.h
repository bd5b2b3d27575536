#pragma once
// The domain's records (algocore/records) as storage names them: storage moves subjects,
// sites, trials, holds and ids but does not own them, so sessions, history and exports
// include algocore/records and say records::Trial; inside storage they need no prefix.
#include "algocore/records/ReactionRecords.h"
#include "algocore/records/Records.h"
#include "algocore/records/StudyData.h"
#include "algocore/records/SubjectRecords.h"
#include "algocore/records/TriggerPointRecords.h"

namespace algocore::storage {
using namespace algocore::records;
} // namespace algocore::storage
