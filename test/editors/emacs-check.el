;; Run after the README's eglot recipe in `emacs --batch`: opens a report, waits for the
;; server's diagnostics (through flymake), writes them as JSON with their places.
(package-initialize)
(require 'eglot)
(require 'json)
(let ((report (find-file (getenv "FAZHI_EMACS_FILE")))
      (deadline (+ (float-time) 60)))
  ;; eglot-ensure connects from the command loop; batch has none, so its hook is run by hand.
  (with-current-buffer report (run-hooks 'post-command-hook))
  (while (and (< (float-time) deadline) (null (with-current-buffer report (flymake-diagnostics))))
    (accept-process-output nil 0.2)
    (with-current-buffer report (run-hooks 'post-command-hook)))
  (with-current-buffer report
    (let ((out (mapcar (lambda (d)
                         (let ((beg (flymake-diagnostic-beg d)))
                           (list (cons 'line (1- (line-number-at-pos beg)))
                                 ;; Characters (code points) from the line's start.
                                 (cons 'character (- beg (save-excursion (goto-char beg) (line-beginning-position))))
                                 (cons 'text (flymake-diagnostic-text d)))))
                       (flymake-diagnostics)))
          (json (list (cons 'mode (symbol-name major-mode))
                      (cons 'managed (and (bound-and-true-p eglot--managed-mode) t)))))
      (with-temp-file (getenv "FAZHI_EMACS_OUT")
        (insert (json-encode (append json (list (cons 'diagnostics (vconcat out))))))))))
(kill-emacs 0)
