# lupdate over the GUI sources for every .ts file of resources/translations (CMake script mode, cmake -P).
#
#   -DMODE=update  refreshes the .ts files in place (the `translations` build target, `make translations`).
#                  English is the source language: each English message gets its source text as translation, and
#                  a plural message "%n key(s)" gets the forms "%n key" and "%n keys". An English plural message
#                  written another way stays unfinished until someone writes its two forms in the .ts file.
#   -DMODE=check   fails when lupdate would change a .ts file (a message added, changed or gone in the sources)
#                  or when the English file has an unfinished message (the ctest ui_translations_lupdate).
#
# Also: -DLUPDATE=<lupdate> -DSOURCES_FILE=<the sources, one per line> -DTS_FILES=<.ts files, ;-separated>
#       -DINCLUDE_DIRS=<;-separated: where the sources' #includes are, so lupdate knows each class's namespace>
#       -DWORK_DIR=<scratch directory for MODE=check>.
# The .ts files keep no source locations, so that moving code around does not change them.
cmake_minimum_required(VERSION 3.21)

foreach(_var MODE LUPDATE SOURCES_FILE TS_FILES)
    if(NOT DEFINED ${_var})
        message(FATAL_ERROR "translations.cmake: -D${_var}=... is required")
    endif()
endforeach()

# English: no merge heuristics (a reworded message must get its new text, not the old one marked unfinished).
function(jwb_lupdate ts_file)
    set(_options -silent -locations none -no-obsolete -source-language en)
    foreach(_dir IN LISTS INCLUDE_DIRS)
        list(APPEND _options "-I${_dir}")
    endforeach()
    if(ts_file MATCHES "_en\\.ts$")
        list(APPEND _options -disable-heuristic sametext -disable-heuristic similartext -disable-heuristic number)
    endif()
    execute_process(COMMAND "${LUPDATE}" ${_options} "@${SOURCES_FILE}" -ts "${ts_file}"
        RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${ts_file} (${_rc}):\n${_out}${_err}")
    endif()
    # lupdate reports what it cannot parse (e.g. tr() outside a class) on stderr without failing.
    if(NOT "${_err}" STREQUAL "")
        message(WARNING "lupdate on ${ts_file}:\n${_err}")
    endif()
endfunction()

# Fills the unfinished messages of an English .ts file with their source text (see above).
function(jwb_fill_english ts_file)
    file(READ "${ts_file}" _rest)
    set(_out "")
    while(TRUE)
        string(FIND "${_rest}" "<message" _start)
        if(_start EQUAL -1)
            string(APPEND _out "${_rest}")
            break()
        endif()
        string(SUBSTRING "${_rest}" 0 ${_start} _before)
        string(APPEND _out "${_before}")
        string(SUBSTRING "${_rest}" ${_start} -1 _rest)
        string(FIND "${_rest}" "</message>" _end)
        math(EXPR _end "${_end} + 10")
        string(SUBSTRING "${_rest}" 0 ${_end} _message)
        string(SUBSTRING "${_rest}" ${_end} -1 _rest)

        if(_message MATCHES "type=\"unfinished\"" AND _message MATCHES "<source>([^<]*)</source>")
            set(_source "${CMAKE_MATCH_1}")
            if(_message MATCHES "numerus=\"yes\"")
                # The source test first: CMAKE_MATCH_* must come from the translation element.
                if(_source MATCHES "[A-Za-z]\\(s\\)"
                   AND _message MATCHES "( *)<translation type=\"unfinished\">[^<]*(<numerusform>[^<]*</numerusform>[^<]*)*</translation>")
                    set(_old "${CMAKE_MATCH_0}")
                    set(_indent "${CMAKE_MATCH_1}")
                    string(REGEX REPLACE "([A-Za-z])\\(s\\)" "\\1" _singular "${_source}")
                    string(REGEX REPLACE "([A-Za-z])\\(s\\)" "\\1s" _plural "${_source}")
                    set(_new "${_indent}<translation>\n${_indent}    <numerusform>${_singular}</numerusform>\n")
                    string(APPEND _new "${_indent}    <numerusform>${_plural}</numerusform>\n${_indent}</translation>")
                    string(REPLACE "${_old}" "${_new}" _message "${_message}")
                endif()
            elseif(_message MATCHES "<translation type=\"unfinished\">[^<]*</translation>")
                string(REPLACE "${CMAKE_MATCH_0}" "<translation>${_source}</translation>" _message "${_message}")
            endif()
        endif()
        string(APPEND _out "${_message}")
    endwhile()
    file(WRITE "${ts_file}" "${_out}")
endfunction()

if(MODE STREQUAL "update")
    foreach(_ts IN LISTS TS_FILES)
        jwb_lupdate("${_ts}")
        if(_ts MATCHES "_en\\.ts$")
            jwb_fill_english("${_ts}")
        endif()
        file(READ "${_ts}" _text)
        string(REGEX MATCHALL "type=\"unfinished\"" _unfinished "${_text}")
        list(LENGTH _unfinished _count)
        message(STATUS "${_ts}: ${_count} unfinished message(s)")
    endforeach()
elseif(MODE STREQUAL "check")
    if(NOT DEFINED WORK_DIR)
        message(FATAL_ERROR "translations.cmake: -DWORK_DIR=... is required for MODE=check")
    endif()
    set(_failed FALSE)
    foreach(_ts IN LISTS TS_FILES)
        get_filename_component(_name "${_ts}" NAME)
        file(MAKE_DIRECTORY "${WORK_DIR}")
        set(_copy "${WORK_DIR}/${_name}")
        file(COPY_FILE "${_ts}" "${_copy}")
        jwb_lupdate("${_copy}")
        file(READ "${_ts}" _committed)
        file(READ "${_copy}" _updated)
        if(NOT _committed STREQUAL _updated)
            set(_failed TRUE)
            execute_process(COMMAND diff -u "${_ts}" "${_copy}" OUTPUT_VARIABLE _diff)
            message("${_name} is out of date with the sources: run 'make translations' (lupdate) and commit it.\n"
                    "${_diff}")
        endif()
        if(_name MATCHES "_en\\.ts$" AND _committed MATCHES "type=\"unfinished\"")
            set(_failed TRUE)
            string(REGEX MATCHALL "<source>[^<]*</source>[^/]*<translation type=\"unfinished\"" _open "${_committed}")
            message("${_name} has unfinished English messages; 'make translations' fills all but plural forms "
                    "that are not written \"...(s)\", which need their two forms in the file:\n${_open}")
        endif()
    endforeach()
    if(_failed)
        message(FATAL_ERROR "translations are not up to date")
    endif()
    message(STATUS "translations are up to date and the English one is complete")
else()
    message(FATAL_ERROR "translations.cmake: MODE must be update or check, not '${MODE}'")
endif()
