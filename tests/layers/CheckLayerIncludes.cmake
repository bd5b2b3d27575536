# The layer fence (ARCHITECTURE.md): the Qt-free layers include no Qt, and the GUI and the app
# include neither the storage engine (SQLiteCpp), the JSON library (nlohmann) nor Asio - they
# reach storage, records and devices only through algocore's interfaces; no front end names
# the SQLite storage class. The libraries' headers
# sit in system folders, where CMake's PRIVATE linking cannot hide them, so this test reads
# every source and fails naming each line that crosses a fence.
# Usage: cmake -DROOT=<source dir> -P CheckLayerIncludes.cmake
cmake_policy(SET CMP0057 NEW) # if(... IN_LIST ...)
set(violations "")

function(check_folders folders pattern why)
  foreach(folder IN LISTS folders)
    file(GLOB_RECURSE files "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
    foreach(file IN LISTS files)
      file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${pattern})")
      foreach(line IN LISTS lines)
        file(RELATIVE_PATH shown "${ROOT}" "${file}")
        string(APPEND violations "  ${shown}: ${line}  (${why})\n")
      endforeach()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

# Like check_folders, for any line that names `pattern` (a class, not only an include).
function(check_names folders pattern why)
  foreach(folder IN LISTS folders)
    file(GLOB_RECURSE files "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
    foreach(file IN LISTS files)
      file(STRINGS "${file}" lines REGEX "${pattern}")
      foreach(line IN LISTS lines)
        file(RELATIVE_PATH shown "${ROOT}" "${file}")
        string(STRIP "${line}" line)
        string(APPEND violations "  ${shown}: ${line}  (${why})\n")
      endforeach()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

check_folders("firmware-protocol;calibration;src/core" "Q[A-Za-z]*[>\"/]|Qt[A-Za-z]*/"
              "algoproto, algocal and algocore have no Qt")
check_folders("src/gui;src/app" "SQLiteCpp/|sqlite3\\.h|nlohmann/|boost/asio|boost/system"
              "the GUI reaches storage and devices through algocore only")
# A front end opens storage through storage::open and sees the Storage interface: a second
# back end (a shared study server) then needs no change in any view or command.
check_names("src/gui;src/app;src/cli" "Sqlite(Storage|Options|OpenResult)"
            "front ends open storage through storage::open, never a back end")

# The simulator is a device, not a front end: it includes nothing of algoscope-cli's (shared
# command-line validators live in src/args).
file(GLOB cli_headers RELATIVE "${ROOT}/src/cli" "${ROOT}/src/cli/*.h")
string(REPLACE ";" "|" cli_headers "${cli_headers}")
string(REPLACE "." "\\." cli_headers "${cli_headers}")
check_folders("src/sim" "[^\">]*cli/|${cli_headers}" "the simulator includes nothing of src/cli")

# algocore's inner direction (src/core/CMakeLists.txt): each area belongs to one library and
# its sources and headers (public in include/algocore/<area>, internal in <area>/internal)
# include headers of that library and of the ones it links, never of a library above it or
# beside it. The build refuses an internal header of another library (it is not on the include
# path); the public headers of all six share one folder, so only this test refuses those.
set(algocore_areas_base common records)
set(algocore_areas_io drivers calibration acquisition)
set(algocore_areas_protocols protocols live)
set(algocore_areas_storage storage sharedstudy)
set(algocore_areas_analysis analysis history export report)
set(algocore_areas_session session)
set(algocore_sees_base base)
set(algocore_sees_io base io)
set(algocore_sees_protocols base io protocols)
set(algocore_sees_storage base protocols storage)
set(algocore_sees_analysis base io protocols storage analysis)
set(algocore_sees_session base io protocols storage analysis session)
foreach(library base io protocols storage analysis session)
  foreach(area IN LISTS algocore_areas_${library})
    set(foreign "")
    foreach(other base io protocols storage analysis session)
      if(NOT other IN_LIST algocore_sees_${library})
        list(APPEND foreign ${algocore_areas_${other}})
      endif()
    endforeach()
    if(NOT foreign)
      continue()
    endif()
    set(pattern "algocore/(")
    string(REPLACE ";" "|" alternatives "${foreign}")
    string(APPEND pattern "${alternatives})/")
    check_folders("src/core/${area};src/core/include/algocore/${area}" "${pattern}"
                  "algocore_${library} includes only what it links (src/core/CMakeLists.txt)")
  endforeach()
endforeach()
# The headers directly in include/algocore (Sample.h, Driver.h, ...) are algocore_base's.
file(GLOB base_headers "${ROOT}/src/core/include/algocore/*.h")
foreach(file IN LISTS base_headers)
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]algocore/[a-z]+/")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH shown "${ROOT}" "${file}")
    string(APPEND violations "  ${shown}: ${line}  (algocore_base includes only itself)\n")
  endforeach()
endforeach()

# JSON is written through algoinput::json_text, which cannot throw on stored text that is not
# UTF-8 (a Latin-1 name an older Algoscope stored); nlohmann's bare dump() throws, and the export
# or the history that called it is lost with exit 2.
file(GLOB_RECURSE json_writers "${ROOT}/src/*.h" "${ROOT}/src/*.cpp" "${ROOT}/calibration/*.h"
     "${ROOT}/calibration/*.cpp")
list(REMOVE_ITEM json_writers "${ROOT}/src/input/include/algoinput/JsonText.h")
foreach(file IN LISTS json_writers)
  file(STRINGS "${file}" lines REGEX "\\.dump\\(")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH shown "${ROOT}" "${file}")
    string(STRIP "${line}" line)
    string(APPEND violations "  ${shown}: ${line}  (write JSON with algoinput::json_text)\n")
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "Lines that cross a layer fence:\n${violations}")
endif()
message(STATUS "layer fences hold")
