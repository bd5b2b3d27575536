# The layer fence must fail on the lines it exists for, not only pass on today's tree: this
# writes a small tree that holds every fence, adds one violation (CASE) and runs
# CheckLayerIncludes.cmake on it. CASE=clean expects it to pass; any other case expects it to
# fail naming the offending line.
# Usage: cmake -DFENCE=<CheckLayerIncludes.cmake> -DWORK=<scratch dir> -DCASE=<case> -P ...
set(tree "${WORK}/${CASE}")
file(REMOVE_RECURSE "${tree}")

function(put path text)
  file(WRITE "${tree}/${path}" "${text}\n")
endfunction()

# A tree that keeps every fence: each library includes itself and what it links, the views
# open storage through storage::open, the simulator uses the shared validators.
put(src/core/include/algocore/Sample.h "#pragma once\n#include <cstdint>")
put(src/core/include/algocore/records/Records.h "#pragma once\n#include \"algocore/Sample.h\"")
put(src/core/include/algocore/drivers/Driver.h "#pragma once\n#include \"algocore/Sample.h\"")
put(src/core/drivers/internal/algocore/drivers/ImadaDriver.h
    "#pragma once\n#include \"algocore/drivers/Driver.h\"")
put(src/core/include/algocore/protocols/PptSeries.h
    "#pragma once\n#include \"algocore/records/Records.h\"")
put(src/core/include/algocore/storage/Storage.h
    "#pragma once\n#include \"algocore/records/Records.h\"")
put(src/core/storage/internal/algocore/storage/SqliteStorage.h
    "#pragma once\n#include \"algocore/storage/Storage.h\"")
put(src/core/storage/SqliteStorage.cpp
    "#include \"algocore/storage/SqliteStorage.h\"\n#include \"algocore/protocols/PptSeries.h\"")
put(src/core/include/algocore/session/Workbench.h
    "#pragma once\n#include \"algocore/storage/Storage.h\"\n#include \"algocore/drivers/Driver.h\"")
put(src/gui/src/HistoryPage.cpp "#include \"algocore/storage/OpenStorage.h\"")
put(src/cli/Arguments.h "#pragma once")
put(src/cli/cmd_ppt.cpp "#include \"Arguments.h\"")
put(src/sim/main.cpp "#include \"algoargs/Arguments.h\"")

# The violation, and the line the fence must name.
if(CASE STREQUAL "clean")
  set(expect "")
elseif(CASE STREQUAL "StorageIncludesADriver")
  set(line "#include \"algocore/drivers/ImadaDriver.h\"")
  put(src/core/storage/Import.cpp "${line}")
  set(expect "src/core/storage/Import.cpp: ${line}")
elseif(CASE STREQUAL "StoragePublicHeaderIncludesASession")
  set(line "#include \"algocore/session/Workbench.h\"")
  put(src/core/include/algocore/storage/Recorder.h "#pragma once\n${line}")
  set(expect "src/core/include/algocore/storage/Recorder.h: ${line}")
elseif(CASE STREQUAL "BaseHeaderIncludesAnArea")
  set(line "#include \"algocore/records/Records.h\"")
  put(src/core/include/algocore/Trial.h "#pragma once\n${line}")
  set(expect "src/core/include/algocore/Trial.h: ${line}")
elseif(CASE STREQUAL "ViewIncludesTheSqliteStorage")
  set(line "#include \"algocore/storage/SqliteStorage.h\"")
  put(src/gui/src/ThresholdsPage.cpp "${line}")
  set(expect "src/gui/src/ThresholdsPage.cpp: ${line}")
elseif(CASE STREQUAL "SimulatorIncludesACliHeader")
  set(line "#include \"Arguments.h\"")
  put(src/sim/Scenario.cpp "${line}")
  set(expect "src/sim/Scenario.cpp: ${line}")
elseif(CASE STREQUAL "SimulatorIncludesTheCliFolder")
  set(line "#include \"../cli/cmd_ppt.cpp\"")
  put(src/sim/Scenario.cpp "${line}")
  set(expect "src/sim/Scenario.cpp: ${line}")
else()
  message(FATAL_ERROR "unknown CASE '${CASE}'")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${tree} -P ${FENCE}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(expect STREQUAL "")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "the fence fails on a tree that keeps it:\n${out}")
  endif()
else()
  if(result EQUAL 0)
    message(FATAL_ERROR "the fence passed a tree with\n  ${expect}\n${out}")
  endif()
  string(FIND "${out}" "${expect}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the fence failed without naming\n  ${expect}\n${out}")
  endif()
endif()
file(REMOVE_RECURSE "${tree}")
message(STATUS "${CASE}: as expected")
