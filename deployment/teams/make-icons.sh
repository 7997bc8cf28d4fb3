#!/usr/bin/env bash
# Draws the Teams app icons with ImageMagick (apt-get install imagemagick): color.png, 192×192 on the accent
# colour, and outline.png, 32×32, white on transparent. The PNGs are committed; run this only to change them.
set -euo pipefail
cd "$(dirname "$0")"
accent='#0F6CBD'
plain=(-strip -define png:exclude-chunks=date,time)

# A speech bubble with a health cross.
convert -size 192x192 "xc:$accent" -fill white \
  -draw 'roundrectangle 34,38 158,132 20,20' -draw 'polygon 58,128 56,162 96,130' \
  -fill "$accent" -draw 'rectangle 87,56 105,114' -draw 'rectangle 67,76 125,94' \
  "${plain[@]}" PNG24:color.png

convert -size 32x32 xc:none -fill none -stroke white -strokewidth 2 \
  -draw 'roundrectangle 3,4 28,22 5,5' -draw 'polyline 9,22 8,28 15,22' \
  -stroke none -fill white -draw 'rectangle 14,8 17,18' -draw 'rectangle 10,12 21,14' \
  "${plain[@]}" PNG32:outline.png

identify color.png outline.png
