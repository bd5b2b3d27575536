#!/usr/bin/env bash
# Freestanding Cortex-M4 build of the codec (algoproto) and the reference firmware core
# (algofirmware): -ffreestanding -fno-exceptions -fno-rtti -Os, linked into a bare-metal
# image with no heap. Prints the code size; fails if anything does not compile or link, or if
# the image pulls in malloc, operator new or exception support.
# Usage: scripts/firmware-arm.sh [BUILD_DIR]   (objects go to BUILD_DIR/firmware-arm)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build}/firmware-arm
mkdir -p "$out"

cxx=arm-none-eabi-g++
for tool in "$cxx" arm-none-eabi-ar arm-none-eabi-size arm-none-eabi-nm; do
  command -v "$tool" >/dev/null || { echo "firmware-arm: $tool not found (apt install gcc-arm-none-eabi libnewlib-arm-none-eabi)" >&2; exit 1; }
done

flags=(-std=c++17 -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16
       -ffreestanding -fno-exceptions -fno-rtti -fno-threadsafe-statics -Os
       -ffunction-sections -fdata-sections
       -Wall -Wextra -Wpedantic -Wshadow -Werror
       -Ifirmware-protocol/include -Ifirmware-protocol/firmware/include)

compile() {  # compile <archive> <sources...>
  local archive=$1; shift
  local objects=()
  for src in "$@"; do
    local obj="$out/$(basename "${src%.cpp}").o"
    "$cxx" "${flags[@]}" -c "$src" -o "$obj"
    objects+=("$obj")
  done
  rm -f "$archive"
  arm-none-eabi-ar rcs "$archive" "${objects[@]}"
}

compile "$out/libalgoproto.a" firmware-protocol/src/*.cpp
compile "$out/libalgofirmware.a" firmware-protocol/firmware/src/*.cpp
"$cxx" "${flags[@]}" -c firmware-protocol/firmware/port/PortTemplate.cpp -o "$out/PortTemplate.o"
"$cxx" "${flags[@]}" -nostartfiles --specs=nano.specs -Wl,--gc-sections \
  -T firmware-protocol/firmware/port/Cortex-M4.ld -Wl,-Map="$out/algometer.map" \
  "$out/PortTemplate.o" "$out/libalgofirmware.a" "$out/libalgoproto.a" \
  -o "$out/algometer.elf"

echo "firmware-arm: code size of the libraries (objects):"
arm-none-eabi-size -t "$out/libalgoproto.a" "$out/libalgofirmware.a" | sed 's/^/  /'
echo "firmware-arm: linked Cortex-M4 image (firmware core + codec + start-up, no board drivers):"
arm-none-eabi-size "$out/algometer.elf" | sed 's/^/  /'

# No heap and no exception machinery may reach the image.
forbidden='^(malloc|free|calloc|realloc|_malloc_r|_free_r|_sbrk|_Znwj|_Znaj|__cxa_throw|__cxa_allocate_exception|__gxx_personality_v0)$'
if arm-none-eabi-nm "$out/algometer.elf" | awk '{print $NF}' | grep -Eq "$forbidden"; then
  echo "firmware-arm: FAILED: the image uses the heap or exceptions:" >&2
  arm-none-eabi-nm "$out/algometer.elf" | awk '{print $NF}' | grep -E "$forbidden" >&2
  exit 1
fi
echo "firmware-arm: OK (no malloc, no operator new, no exceptions)"
