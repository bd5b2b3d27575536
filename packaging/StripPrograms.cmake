# CPack pre-build script: strips the staged programs as Debian's dh_strip does (symbols, and
# the .comment/.note sections a plain strip leaves), before the packages are made.
file(GLOB_RECURSE staged LIST_DIRECTORIES false "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
set(programs ${staged})
list(FILTER programs INCLUDE REGEX "/usr/bin/[^/]+$")
if(NOT programs)
  message(FATAL_ERROR "StripPrograms: no programs under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()
foreach(program IN LISTS programs)
  execute_process(COMMAND "${CPACK_ALGOSCOPE_STRIP}" --strip-unneeded --remove-section=.comment
                          --remove-section=.note "${program}"
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "StripPrograms: strip failed on ${program}")
  endif()
endforeach()
