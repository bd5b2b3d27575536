# algoscope_warnings(target): the project's warning set; -Werror when ALGOSCOPE_WERROR is on.
function(algoscope_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(ALGOSCOPE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
