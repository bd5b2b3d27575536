cmake_minimum_required(VERSION 3.20)
# One home per rule (STYLE.md): a threshold, a constant, a table or a wording lives in exactly
# one file, and every view and command asks that file. Two copies drift apart (the contact
# pressure once read 15 kPa in the GUI and 10 kPa everywhere else), so this test reads every
# source of the program and fails naming each line that defines a rule outside its home.
# The values themselves are pinned by unit tests beside each home; this test catches the
# second copy that a later change might add.
# Usage: cmake -DROOT=<source dir> -P CheckOneHomePerRule.cmake
set(violations "")
set(folders "firmware-protocol;calibration;src")

# rule(<name> <regex> <home files> <why>): a line matching <regex> outside <home files>.
function(rule name pattern homes why)
  foreach(folder IN LISTS folders)
    file(GLOB_RECURSE files "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp"
         "${ROOT}/${folder}/*.in")
    foreach(file IN LISTS files)
      file(RELATIVE_PATH shown "${ROOT}" "${file}")
      if(shown IN_LIST homes)
        continue()
      endif()
      file(STRINGS "${file}" lines ENCODING UTF-8 REGEX "${pattern}")
      foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        string(APPEND violations "  ${name}: ${shown}: ${line}\n    (${why})\n")
      endforeach()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

rule("contact pressure"
     "([Cc]ontact|OnSkin|on_skin|[Ll]ifted|[Bb]aseline)[A-Za-z_]*(kpa|Kpa|KPa)[ \t]*=[ \t]*[0-9]"
     "src/core/include/algocore/protocols/ProbeContact.h"
     "use algocore::protocols::kProbeOnSkinKpa / kProbeLiftedKpa")
rule("change verdict words"
     "\"([^\"]*([Nn]o real change|[Rr]eal increase|[Rr]eal decrease|[Ww]ithin MDC|[Nn]o detectable change|< ?MDC)|[Rr]eal|[Ii]ncreased|[Dd]ecreased)\""
     "src/core/protocols/SiteComparison.cpp;src/core/include/algocore/protocols/SiteComparison.h"
     "use algocore::protocols::verdict_words()")
rule("force units"
     "4\\.448|9\\.80665|98\\.0665|0\\.45359|enum class (Force|Pressure)Unit"
     "calibration/include/algocal/Units.h"
     "use algocal/Units.h: one exact table (1 lbf = 4.4482216152605 N)")
rule("probe-area range"
     "k(Min|Max)Probe[A-Za-z0-9]*[ \t]*=|[Pp]robe.*([(,<]|<=|between|from|most)[ \t]*(0\\.0[0-9]|100(\\.0)?)[^0-9.]"
     "calibration/include/algocal/ProbeArea.h"
     "use algocal::probe_area_in_range() and probe_area_range_text()")
rule("built-in MDC"
     "[^0-9.](47\\.2|97\\.9)[^0-9]|[Mm]dc[A-Za-z_]*(kpa|Kpa)[ \t]*=[ \t]*[1-9]"
     "src/core/protocols/BuiltinMdc.cpp;src/core/include/algocore/protocols/BuiltinMdc.h"
     "use algocore::protocols::builtin_mdc_of() or history::MdcLookup")

rule("tolerance verdict"
     "check_tolerance[ \t]*\\("
     "calibration/include/algocal/CalibrationAnalysis.h;calibration/src/CalibrationAnalysis.cpp;src/core/session/CalibrationSession.cpp"
     "use CalibrationSession's outcome (decide, save) or session::tolerance_verdict()")

# "No stored threshold" is a typed result (Prescription::resolve's ResolvedBand::missing), not
# the name of the field a check refused: a view comparing check.field with "ppt_kpa" breaks the
# day the check is worded differently.
rule("no stored threshold"
     "[.]field[ \t]*[!=]=[ \t]*\"(ppt|tolerance)_kpa\""
     ""
     "ask ResolvedBand::missing (protocols::StoredThreshold)")

# A class station's state has one list of words: the machine word a station publishes and
# `class watch` prints, and the teacher's words on the Class page (they were two lists).
rule("class station state words"
     "\"(attempt running|no_signal)\""
     "src/core/sharedstudy/ClassProgress.cpp;src/core/include/algocore/sharedstudy/ClassProgress.h"
     "use algocore::sharedstudy::to_string() / plain_words()")

# A subject code is checked by one rule, which recording and the report both ask: a second
# check (the record-name rule alone, or the report font's) let "Р001" be recorded and the
# report refuse what recording took, or print it as P001.
rule("subject code rule"
     "check_record_name[ \t]*[(][^,]*,[ \t]*\"the subject code\"|undrawable_characters[ \t]*[(][^)]*code"
     "src/core/storage/NameRule.cpp"
     "use algocore::storage::check_subject_code()")

# Views ask sessions, not engines (issue 20): a page or a command shows PptSession::run_state()
# and never reaches through the session into the series and its trial, where the next change
# to the engine would silently change what one view shows and not the other.
set(folders "src/gui;src/cli;src/app")
rule("views ask sessions"
     "[.]series[(][)]|current_trial[(][)]"
     ""
     "ask algocore::session::PptSession (run_state(), baseline_wait(), rows(), result())")
# The same for a treatment: the Treatment page and `algoscope-cli hold` show
# TreatmentSession::run_state(), never the hold sequence, its hold engine or the engine's timer.
rule("views ask sessions"
     "sequence[(][)]|current_hold[(][)]|latest_hold[(][)]|[.>]timer[(][)]"
     ""
     "ask algocore::session::TreatmentSession (run_state(), pending(), resolved())")

if(violations)
  message(FATAL_ERROR "A rule defined outside its one home:\n${violations}")
endif()
message(STATUS "every rule has one home")
