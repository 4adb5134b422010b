# shellcheck shell=bash
# Where the arm64 path keeps what scripts/arm64/fetch unpacks (never
# installed). Source it after scripts/lib.sh.
# SPDX-License-Identifier: ISC

ARM64_KREL=$FAXCARE_KVER-arm64
# Debian's arm64 kernel image tree: boot/vmlinuz-* (an uncompressed Image),
# lib/modules/*, usr/lib/linux-image-*/ (the device trees).
ARM64_IMAGE_DIR=$(kernel_image_dir arm64)
ARM64_IMAGE=$ARM64_IMAGE_DIR/boot/vmlinuz-$ARM64_KREL
ARM64_DTB_DIR=$ARM64_IMAGE_DIR/usr/lib/linux-image-$ARM64_KREL
# Debian's arm64 headers, the tree kbuild's M= builds against.
ARM64_KDIR=$(kernel_kdir_arm64 6.1)
ARM64_BUSYBOX=$FAXCARE_CACHE/busybox/arm64/bin/busybox
# The device-tree include files (dt-bindings/) of the common headers.
ARM64_DT_INCLUDE=/usr/src/linux-headers-$FAXCARE_KVER-common/include
ARM64_CROSS=aarch64-linux-gnu-
# What the device-tree checks take from Debian's linux-source tarball: the
# kernel's bindings (Documentation/devicetree/bindings) and the Raspberry Pi
# 4 device-tree sources (arch/arm*/boot/dts), unpacked by scripts/arm64/fetch.
ARM64_LINUX_SRC=$FAXCARE_CACHE/linux-source
ARM64_DT_BINDINGS=$ARM64_LINUX_SRC/Documentation/devicetree/bindings
# The kernel's registry of device-tree vendor prefixes.
ARM64_VENDOR_PREFIXES=$ARM64_DT_BINDINGS/vendor-prefixes.yaml
# The test VM: QEMU's arm64 virt machine. The device tree QEMU generates
# depends on these, so the dump (scripts/arm64/virt-dtb) and the boot
# (scripts/vm/run --arch arm64) share them.
ARM64_QEMU=qemu-system-aarch64
ARM64_QEMU_MACHINE=virt
ARM64_QEMU_ARGS=(-cpu cortex-a57 -smp 1 -nodefaults -no-user-config -display none)
