# bash completion for coach
#   this shell:  source <(coach completion bash)
#   every shell: coach completion bash > ~/.local/share/bash-completion/completions/coach
_coach() {
  local words=() i w
  # bash splits '--scenario=fin' at '=' into three words: join them back.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]} > 0)) && [[ $w == = || ${COMP_WORDS[i-1]} == = ]] && [[ ${words[${#words[@]}-1]} == --* ]]; then
      words[${#words[@]}-1]+=$w
    else
      words+=("$w")
    fi
  done
  ((${#words[@]} == 0)) && words=("")
  local cur=${words[${#words[@]}-1]} strip=
  # With '=' a word break, bash replaces only what follows the '='.
  [[ $cur == --*=* && $COMP_WORDBREAKS == *=* ]] && strip=${cur%%=*}=
  local out line value
  out=$(coach __complete bash -- "${words[@]}" 2>/dev/null) || return 0
  COMPREPLY=()
  case $out in
    :files | :dirs)
      local flag=-f
      [[ $out == :dirs ]] && flag=-d
      while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$line")
      done < <(compgen $flag -- "${cur#"$strip"}")
      compopt -o filenames 2>/dev/null
      return 0
      ;;
  esac
  while IFS= read -r line; do
    [[ -z $line ]] && continue
    value=${line%%$'\t'*}
    value=${value#"$strip"}
    [[ $value == *' '* ]] && printf -v value '%q' "$value"
    COMPREPLY+=("$value")
  done <<< "$out"
}
complete -F _coach coach
