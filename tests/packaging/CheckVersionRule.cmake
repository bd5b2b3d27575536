# The version rule of cmake/AlgoscopeVersion.cmake on a throwaway git repository: a snapshot
# names its commit count and hash, the tagged release is the bare version, local changes add
# ".dirty", a suffix is appended, a suffix Debian would refuse is refused.  -DWORK=<folder>
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/AlgoscopeVersion.cmake)
find_package(Git REQUIRED)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
function(git)
  execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${WORK}" -c user.name=t -c user.email=t@t ${ARGN}
                  RESULT_VARIABLE failed OUTPUT_VARIABLE output OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(failed)
    message(FATAL_ERROR "git ${ARGN} failed")
  endif()
  set(git_output "${output}" PARENT_SCOPE)
endfunction()
function(expect expected)
  algoscope_version(got SOURCE_DIR "${WORK}" ${ARGN})
  if(NOT got STREQUAL expected)
    message(FATAL_ERROR "algoscope_version(${ARGN}) = '${got}', expected '${expected}'")
  endif()
endfunction()

expect("1.2.3" BASE 1.2.3) # not a repository: the bare version
git(init -q)
file(WRITE "${WORK}/a" "1")
git(add a)
git(commit -q -m one)
file(WRITE "${WORK}/a" "2")
git(commit -q -a -m two)
git(rev-parse --short=7 HEAD)
set(hash ${git_output})
expect("1.2.3+git2.g${hash}" BASE 1.2.3)
git(tag v1.2.2)
expect("1.2.3+git2.g${hash}" BASE 1.2.3) # another version's tag
git(tag v1.2.3)
expect("1.2.3" BASE 1.2.3)
expect("1.2.3+upgrade1" BASE 1.2.3 SUFFIX +upgrade1)
file(WRITE "${WORK}/a" "3")
expect("1.2.3+git2.g${hash}.dirty" BASE 1.2.3)
file(WRITE "${WORK}/untracked" "x")
git(checkout -q a)
expect("1.2.3" BASE 1.2.3) # untracked files are not changes to the build
execute_process(COMMAND "${CMAKE_COMMAND}" -DWORK=${WORK} -P "${CMAKE_CURRENT_LIST_DIR}/BadSuffix.cmake"
                RESULT_VARIABLE refused OUTPUT_QUIET ERROR_VARIABLE why)
if(NOT refused OR NOT why MATCHES "may only hold")
  message(FATAL_ERROR "a suffix with a space was not refused: ${why}")
endif()
message(STATUS "version rule holds")
