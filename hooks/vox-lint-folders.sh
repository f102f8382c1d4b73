#!/bin/sh
# The vox-lint-folders hook of .pre-commit-hooks.yaml: lint each folder
# that holds a WAV file or the transcript of WAV files a commit touches,
# as one dataset.  pre-commit runs it with the hook's args (vox-lint
# options, such as -L de-DE) and then the file names.  The options are
# passed on as they are, with the value of those that take one; each file
# name after them becomes its folder, once.  vox-lint must be on the PATH.

# Does the long option $1 (--name, maybe abbreviated) take a value?
takes_value() {
	w=${1#--}
	hit= hits=0
	for o in +against +fail-on +jobs +kind +locale +profile +purpose \
	    +report +report-format help list-locales list-rules no-progress \
	    progress quiet scan version; do
		case ${o#+} in
		"$w")
			hit=$o hits=1
			break
			;;
		"$w"*)
			hit=$o hits=$((hits + 1))
			;;
		esac
	done
	# Ambiguous or unknown, vox-lint says so: a flag here.
	[ "$hits" = 1 ] && [ "$hit" != "${hit#+}" ]
}

# Does the folder $1 hold a WAV file?
has_wav() {
	for w in "$1"/*.wav "$1"/*.WAV; do
		[ -f "$w" ] && return 0
	done
	return 1
}

n=$#
state=opt
seen='
'
while [ "$n" -gt 0 ]; do
	a=$1
	shift
	n=$((n - 1))
	case $state in
	val)
		set -- "$@" "$a"
		state=opt
		continue
		;;
	opt)
		case $a in
		--)
			set -- "$@" "$a"
			state=file
			continue
			;;
		--*=*)
			set -- "$@" "$a"
			continue
			;;
		--?*)
			set -- "$@" "$a"
			takes_value "$a" && state=val
			continue
			;;
		-?*)
			# Short options, maybe grouped: -q, -Lde-DE, -qL de-DE.
			set -- "$@" "$a"
			s=${a#-}
			while [ -n "$s" ]; do
				r=${s#?}
				case ${s%"$r"} in
				[jkLPW])
					[ -z "$r" ] && state=val
					break
					;;
				esac
				s=$r
			done
			continue
			;;
		esac
		# The first file name: no option after it.
		set -- "$@" --
		state=file
		;;
	esac
	case $a in
	*/*) d=${a%/*} ;;
	*) d=. ;;
	esac
	case $a in
	*.wav|*.WAV) ;;
	*) has_wav "$d" || continue ;;
	esac
	case $seen in
	*"
$d
"*)
		continue
		;;
	esac
	seen="$seen$d
"
	set -- "$@" "$d"
done
exec vox-lint "$@"
