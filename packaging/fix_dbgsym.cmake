# fix_dbgsym.cmake: a CPack post-build script (CPACK_POST_BUILD_SCRIPTS) that mends the -dbgsym .ddeb
# CMake 3.25's DEB generator writes, so that lintian has nothing to say about it either:
#   - its md5sums names the files by their absolute staging path (lintian: md5sums-lists-nonexistent-file,
#     and dpkg --verify could not check them): recomputed relative to the package root;
#   - it has no copyright or changelog: /usr/share/doc/leergang-kiosk-dbgsym becomes a symlink to the
#     main package's documentation, as dh_strip makes it (allowed: the .ddeb depends on that exact version).
# Rebuilt with dpkg-deb --root-owner-group. CPack passes the packages it made in CPACK_PACKAGE_FILES.
foreach(pkg IN LISTS CPACK_PACKAGE_FILES)
  if(NOT pkg MATCHES "-dbgsym_.*\\.ddeb$")
    continue()
  endif()
  get_filename_component(dir "${pkg}" DIRECTORY)
  set(root "${dir}/dbgsym-root")
  file(REMOVE_RECURSE "${root}")
  execute_process(COMMAND dpkg-deb -R "${pkg}" "${root}" COMMAND_ERROR_IS_FATAL ANY)
  file(GLOB_RECURSE files RELATIVE "${root}" "${root}/usr/*")
  list(SORT files)
  set(md5sums "")
  foreach(f IN LISTS files)
    if(NOT IS_SYMLINK "${root}/${f}")
      file(MD5 "${root}/${f}" sum)
      string(APPEND md5sums "${sum}  ${f}\n")
    endif()
  endforeach()
  file(WRITE "${root}/DEBIAN/md5sums" "${md5sums}")
  file(MAKE_DIRECTORY "${root}/usr/share/doc")
  file(CREATE_LINK leergang-kiosk "${root}/usr/share/doc/leergang-kiosk-dbgsym" SYMBOLIC)
  execute_process(COMMAND dpkg-deb --root-owner-group --build "${root}" "${pkg}" OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  file(REMOVE_RECURSE "${root}")
endforeach()
