# qsoe_libc_host.cmake - build QSOE libc sources for the host test harness.
#
# qsoe_libc_host_lib(NAME SOURCES src...)
#   Compiles the sources against QSOE's headers (never glibc's), with the
#   sanitizers, then archives them into lib<NAME>.a with every global symbol
#   renamed to q_<symbol> (rename-syms.sh). The result is an IMPORTED
#   static library target NAME that ordinary glibc test programs link with
#   (together with qsoe_libc_seam, the seam double, and usually qlibc, the
#   renamed build of libc's own portable parts). See README.md.

set(QSOE_LIBC_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
	OUTPUT_VARIABLE QSOE_HOST_GCC_INCLUDE OUTPUT_STRIP_TRAILING_WHITESPACE)

set(QSOE_LIBC_HOST_CFLAGS
	-nostdinc -isystem ${QSOE_HOST_GCC_INCLUDE}
	-I${CMAKE_SOURCE_DIR}/include -I${CMAKE_SOURCE_DIR}/lib/c/internal
	-fno-builtin -fno-tree-loop-distribute-patterns -funsigned-char
	-mlong-double-128 -D__QSOE_HOST__ -fno-stack-protector -O1)

function(qsoe_libc_host_lib name)
	cmake_parse_arguments(L "" "" "SOURCES" ${ARGN})
	add_library(${name}_objs OBJECT ${L_SOURCES} ${L_UNPARSED_ARGUMENTS})
	set_target_properties(${name}_objs PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
	target_compile_options(${name}_objs PRIVATE ${QSOE_LIBC_HOST_CFLAGS} ${QSOE_SAN_FLAGS})
	set(out ${CMAKE_CURRENT_BINARY_DIR}/lib${name}.a)
	add_custom_command(OUTPUT ${out}
		COMMAND ${QSOE_LIBC_TESTS_DIR}/rename-syms.sh ${out} $<TARGET_OBJECTS:${name}_objs>
		DEPENDS ${name}_objs $<TARGET_OBJECTS:${name}_objs> ${QSOE_LIBC_TESTS_DIR}/rename-syms.sh
		COMMAND_EXPAND_LISTS VERBATIM
		COMMENT "Renaming the symbols of ${name} to q_*")
	add_custom_target(${name}_renamed DEPENDS ${out})
	add_library(${name} STATIC IMPORTED GLOBAL)
	set_target_properties(${name} PROPERTIES IMPORTED_LOCATION ${out})
	add_dependencies(${name} ${name}_renamed)
endfunction()
