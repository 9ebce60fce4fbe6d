# fish completion for coach
#   this shell:  coach completion fish | source
#   every shell: coach completion fish > ~/.config/fish/completions/coach.fish
function __coach_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l out (coach __complete fish -- $words (commandline -ct) 2>/dev/null)
    switch "$out[1]"
        case :files
            __fish_complete_path (commandline -ct)
        case :dirs
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\n' $out
    end
end
complete -c coach -f -a '(__coach_complete)'
