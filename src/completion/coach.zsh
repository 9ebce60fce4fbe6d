#compdef coach
# zsh completion for coach
#   this shell:  source <(coach completion zsh)      (after compinit)
#   every shell: coach completion zsh > "${fpath[1]}/_coach"   (then start a new zsh)
_coach() {
  local -a lines values shown
  local line
  lines=("${(@f)$(coach __complete zsh -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case ${lines[1]} in
    :files) _files; return ;;
    :dirs) _files -/; return ;;
  esac
  for line in $lines; do
    [[ -z $line ]] && continue
    values+=("${line%%$'\t'*}")
    if [[ $line == *$'\t'* ]]; then shown+=("${line%%$'\t'*}  -- ${line#*$'\t'}"); else shown+=("$line"); fi
  done
  (( ${#values} )) && compadd -l -d shown -a values
}
if [[ $funcstack[1] == _coach ]]; then _coach "$@"; else compdef _coach coach; fi
