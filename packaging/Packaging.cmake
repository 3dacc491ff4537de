# Install rules and the Debian package (CPack, DEB generator). `make package` runs `cpack` in the build tree and
# leaves build/jwt-workbench_<version>_<arch>.deb; packaging/test-deb-in-chroot.sh installs, runs and purges it in
# a fresh Debian 12 chroot. Included from the top-level CMakeLists.txt once the executables exist.
#
# The package installs to /usr: the two binaries, the desktop entry, AppStream metainfo, the icon, the MIME type of
# workspaces (*.jwb.json), man pages and bash completion. QCA for Qt 6 comes from the distribution where it has a
# package (the .deb then depends on it and on its plugin package); on Debian 12, where bootstrap.sh builds it from
# source into /usr/local, the .deb carries that libqca-qt6.so.2 and its OpenSSL plugin in ${JWB_PRIVATE_LIBDIR}/qca-qt6
# (RUNPATH $ORIGIN/../lib/jwt-workbench/qca-qt6 on the binaries; app/BundledQca.h adds the plugin directory).

include_guard(GLOBAL)

set(JWB_PACKAGE_HOMEPAGE "https://github.com/jwt-workbench/jwt-workbench" CACHE STRING "Project homepage (package)")
set(JWB_PACKAGE_MAINTAINER "JWT Workbench developers <jwt-workbench@users.noreply.github.com>" CACHE STRING
    "Maintainer field of the Debian package")
set(JWB_BUNDLE_QCA AUTO CACHE STRING
    "Ship QCA and its OpenSSL plugin in the package: AUTO (when no Debian package owns the library), ON, OFF")
set_property(CACHE JWB_BUNDLE_QCA PROPERTY STRINGS AUTO ON OFF)

set(_jwb_pkg_dir ${PROJECT_SOURCE_DIR}/packaging)

# --- desktop integration, documentation ----------------------------------------------------------------------
if(JWB_BUILD_GUI)
    install(FILES ${_jwb_pkg_dir}/linux/jwt-workbench.desktop DESTINATION share/applications)
    install(FILES ${_jwb_pkg_dir}/linux/io.github.jwt_workbench.JwtWorkbench.metainfo.xml DESTINATION share/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/jwt-workbench.svg
            DESTINATION share/icons/hicolor/scalable/apps)
    install(FILES ${_jwb_pkg_dir}/linux/jwt-workbench-mime.xml DESTINATION share/mime/packages
            RENAME jwt-workbench.xml)
endif()
install(FILES ${_jwb_pkg_dir}/completion/jwt-workbench-cli.bash DESTINATION share/bash-completion/completions
        RENAME jwt-workbench-cli)

# Man pages, compressed as Debian policy wants them (gzip -n: no name or time stamp, so the package is reproducible).
find_program(JWB_GZIP gzip REQUIRED)
set(_jwb_man_pages jwt-workbench-cli.1)
if(JWB_BUILD_GUI)
    list(APPEND _jwb_man_pages jwt-workbench.1)
endif()
set(_jwb_man_gz)
foreach(_page IN LISTS _jwb_man_pages)
    set(_gz ${PROJECT_BINARY_DIR}/packaging/man/${_page}.gz)
    add_custom_command(OUTPUT ${_gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging/man
        COMMAND ${JWB_GZIP} -9 -n -c ${_jwb_pkg_dir}/man/${_page} > ${_gz}
        DEPENDS ${_jwb_pkg_dir}/man/${_page}
        COMMENT "Compressing man page ${_page}" VERBATIM)
    list(APPEND _jwb_man_gz ${_gz})
endforeach()
add_custom_target(jwb_man_pages ALL DEPENDS ${_jwb_man_gz})
install(FILES ${_jwb_man_gz} DESTINATION share/man/man1)

# --- QCA: the distribution's package, or bundled -------------------------------------------------------------
function(jwb_dpkg_owner file out)
    set(${out} "" PARENT_SCOPE)
    find_program(JWB_DPKG_QUERY dpkg-query)
    if(NOT JWB_DPKG_QUERY)
        return()
    endif()
    execute_process(COMMAND ${JWB_DPKG_QUERY} -S ${file} OUTPUT_VARIABLE _owner RESULT_VARIABLE _rc ERROR_QUIET)
    if(_rc EQUAL 0 AND _owner MATCHES "^([^:, ]+)")
        set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
    endif()
endfunction()

get_target_property(_jwb_qca_lib qca-qt6 LOCATION)
file(REAL_PATH "${_jwb_qca_lib}" _jwb_qca_real)
get_filename_component(_jwb_qca_libdir "${_jwb_qca_real}" DIRECTORY)
get_target_property(_jwb_qca_soname qca-qt6 IMPORTED_SONAME_RELEASE)
if(NOT _jwb_qca_soname)
    get_target_property(_jwb_qca_soname qca-qt6 IMPORTED_SONAME_RELWITHDEBINFO)
endif()
if(NOT _jwb_qca_soname)
    set(_jwb_qca_soname libqca-qt6.so.2)
endif()
# QCA installs its plugins into <libdir>/qca-qt6/crypto; some distributions use Qt's plugin directory.
find_file(JWB_QCA_OSSL_PLUGIN NAMES libqca-ossl.so
    PATHS ${_jwb_qca_libdir}/qca-qt6/crypto ${_jwb_qca_libdir}/qt6/plugins/crypto
          ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}/crypto
    NO_DEFAULT_PATH DOC "QCA's OpenSSL plugin (qca-ossl) that the package depends on or carries")

jwb_dpkg_owner("${_jwb_qca_real}" _jwb_qca_owner)
if(JWB_BUNDLE_QCA STREQUAL "AUTO")
    if(_jwb_qca_owner)
        set(_jwb_bundle_qca OFF)
    else()
        set(_jwb_bundle_qca ON)
    endif()
else()
    set(_jwb_bundle_qca ${JWB_BUNDLE_QCA})
endif()

set(_jwb_extra_depends qt6-qpa-plugins)
if(_jwb_bundle_qca)
    message(STATUS "Package: bundles ${_jwb_qca_real} (no Debian package owns it) in /usr/${JWB_PRIVATE_LIBDIR}/qca-qt6")
    # Stripped copies (as dh_strip would) in the build tree, laid out as installed: <private>/qca-qt6/ holds the
    # library and its soname link, <private>/qca-qt6/crypto/ the plugin. (Not directly in lib/jwt-workbench, where
    # CPack would add needless ldconfig calls to the maintainer scripts.)
    get_filename_component(_jwb_qca_name "${_jwb_qca_real}" NAME)
    set(_stage ${PROJECT_BINARY_DIR}/packaging/qca-qt6)
    set(_strip ${CMAKE_STRIP} --strip-unneeded --remove-section=.comment --remove-section=.note)
    set(_outputs ${_stage}/${_jwb_qca_name})
    set(_commands COMMAND ${CMAKE_COMMAND} -E make_directory ${_stage}/crypto
                  COMMAND ${_strip} -o ${_stage}/${_jwb_qca_name} ${_jwb_qca_real})
    if(NOT _jwb_qca_name STREQUAL _jwb_qca_soname)
        list(APPEND _outputs ${_stage}/${_jwb_qca_soname})
        list(APPEND _commands COMMAND ${CMAKE_COMMAND} -E create_symlink ${_jwb_qca_name} ${_stage}/${_jwb_qca_soname})
    endif()
    if(JWB_QCA_OSSL_PLUGIN)
        list(APPEND _commands COMMAND ${_strip} -o ${_stage}/crypto/libqca-ossl.so ${JWB_QCA_OSSL_PLUGIN})
    endif()
    add_custom_command(OUTPUT ${_outputs} ${_stage}/crypto/libqca-ossl.so ${_commands}
        DEPENDS ${_jwb_qca_real} ${JWB_QCA_OSSL_PLUGIN} COMMENT "Stripping the QCA the package carries" VERBATIM)
    add_custom_target(jwb_bundled_qca ALL DEPENDS ${_outputs} ${_stage}/crypto/libqca-ossl.so)
    install(FILES ${_outputs} DESTINATION ${JWB_PRIVATE_LIBDIR}/qca-qt6)
    if(JWB_QCA_OSSL_PLUGIN)
        install(FILES ${_stage}/crypto/libqca-ossl.so DESTINATION ${JWB_PRIVATE_LIBDIR}/qca-qt6/crypto)
    else()
        message(WARNING "QCA's OpenSSL plugin (libqca-ossl.so) was not found next to ${_jwb_qca_real}: "
                        "the package cannot be built (run 'make deps').")
        install(CODE "message(FATAL_ERROR \"libqca-ossl.so not found: the package would lack HS*/RS*\")")
    endif()
    set_target_properties(jwt-workbench-cli PROPERTIES INSTALL_RPATH "$ORIGIN/../${JWB_PRIVATE_LIBDIR}/qca-qt6")
    if(TARGET jwt-workbench)
        set_target_properties(jwt-workbench PROPERTIES INSTALL_RPATH "$ORIGIN/../${JWB_PRIVATE_LIBDIR}/qca-qt6")
    endif()
    # QCA is LGPL-2.1-or-later: the copyright file names it and where its source is.
    set(JWB_COPYRIGHT_QCA [=[

Files: usr/lib/jwt-workbench/*
Copyright: 2003-2007 Justin Karneges <justin@affinix.com>
           2004-2007 Brad Hards <bradh@frogmouth.net>
           2013-2016 Ivan Romanov <drizt@land.ru>
           and the other QCA authors
License: LGPL-2.1+
 The Qt Cryptographic Architecture (QCA) 2.3 built for Qt 6 with its OpenSSL plugin (qca-ossl), unmodified,
 from the qca2 source package of Debian (https://invent.kde.org/libraries/qca). On Debian systems the complete
 text of the GNU Lesser General Public License version 2.1 is in /usr/share/common-licenses/LGPL-2.1.]=])
else()
    if(_jwb_qca_owner)
        message(STATUS "Package: QCA from the Debian package ${_jwb_qca_owner}")
    else()
        message(WARNING "JWB_BUNDLE_QCA=OFF but no Debian package owns ${_jwb_qca_real}: "
                        "the package will not find QCA on another machine.")
    endif()
    if(JWB_QCA_OSSL_PLUGIN)
        jwb_dpkg_owner("${JWB_QCA_OSSL_PLUGIN}" _jwb_plugin_owner)
        if(_jwb_plugin_owner)
            list(APPEND _jwb_extra_depends ${_jwb_plugin_owner})
        endif()
    endif()
    set(JWB_COPYRIGHT_QCA "")
endif()

configure_file(${_jwb_pkg_dir}/debian/copyright.in ${PROJECT_BINARY_DIR}/packaging/copyright @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/copyright DESTINATION share/doc/jwt-workbench)
# The changelog of a native package: share/doc/jwt-workbench/changelog.gz. Its newest entry names the version.
file(STRINGS ${_jwb_pkg_dir}/debian/changelog.in _jwb_changelog_top LIMIT_COUNT 1)
if(NOT _jwb_changelog_top MATCHES "^jwt-workbench \\(${PROJECT_VERSION}\\) ")
    message(WARNING "packaging/debian/changelog.in has no entry for ${PROJECT_VERSION} at the top: add one")
endif()
configure_file(${_jwb_pkg_dir}/debian/changelog.in ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/packaging/changelog.gz
    COMMAND ${JWB_GZIP} -9 -n -f -k ${PROJECT_BINARY_DIR}/packaging/changelog
    DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog VERBATIM)
add_custom_target(jwb_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION share/doc/jwt-workbench)

# --- CPack ---------------------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jwt-workbench)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "JWT Workbench")
set(CPACK_PACKAGE_CONTACT "${JWB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspect, verify and sign JSON Web Tokens; debug KrakenD JWT policies")
# Lines of at most 80 characters; CPack indents them for the control file.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "JWT Workbench is a native, offline desktop tool with a command-line twin"
    "(jwt-workbench-cli) for JSON Web Tokens and API gateways: decode and explain"
    "tokens, verify them with keys from PEM, JWK, JWK Set URLs or OpenID Connect"
    "discovery, generate and convert keys, sign test tokens, and find out why"
    "KrakenD answers 401 or 403 on an endpoint, fix its auth/validator and save"
    "the krakend.json losslessly.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${JWB_PACKAGE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${JWB_PACKAGE_MAINTAINER}")
# dpkg-shlibdeps derives the libraries' packages (Qt 6, QtKeychain, OpenSSL, libsodium23, and QCA when it is not
# bundled); what is loaded as a plugin at run time (the platform plugins, QCA's plugin package) is added by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
list(JOIN _jwb_extra_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
