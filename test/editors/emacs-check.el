;; Run after the README's eglot recipe in `emacs --batch`: opens a report, waits for the
;; server's diagnostics (through flymake), writes them as JSON with their places. With
;; FAZHI_EMACS_PART set it then runs the README's `fazhi-report-insert-part' and writes the
;; buffer beside the report, and the diagnostics after it.
(package-initialize)
(require 'eglot)
(require 'json)

(defun fazhi-check--diagnostics ()
  (mapcar (lambda (d)
            (let ((beg (flymake-diagnostic-beg d)))
              (list (cons 'line (1- (line-number-at-pos beg)))
                    ;; Characters (code points) from the line's start.
                    (cons 'character (- beg (save-excursion (goto-char beg) (line-beginning-position))))
                    (cons 'text (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun fazhi-check--wait (report done)
  "Lets eglot and flymake work (batch has no command loop) until DONE or a minute passes."
  (let ((deadline (+ (float-time) 60)))
    (while (and (< (float-time) deadline) (not (with-current-buffer report (funcall done))))
      (accept-process-output nil 0.2)
      (with-current-buffer report (run-hooks 'post-command-hook)))))

(let ((report (find-file (getenv "FAZHI_EMACS_FILE")))
      (part (getenv "FAZHI_EMACS_PART"))
      (extra nil))
  ;; eglot-ensure connects from the command loop; batch has none, so its hook is run by hand.
  (with-current-buffer report (run-hooks 'post-command-hook))
  (fazhi-check--wait report #'flymake-diagnostics)
  (with-current-buffer report
    (let ((before (fazhi-check--diagnostics)))
      (when part
        ;; Batch cannot answer eglot's question before a server's edit.
        (setq eglot-confirm-server-initiated-edits nil)
        (let ((lines (count-lines (point-min) (point-max))))
          (fazhi-report-insert-part part)
          (push (cons 'command_applied (/= lines (count-lines (point-min) (point-max)))) extra))
        (write-region nil nil (concat (getenv "FAZHI_EMACS_FILE") ".commanded"))
        ;; eglot sends the change from an idle timer, which batch never runs: sent here.
        (eglot--signal-textDocument/didChange)
        (fazhi-check--wait report (lambda () (not (equal before (fazhi-check--diagnostics)))))
        (sleep-for 1.5)
        (fazhi-check--wait report (lambda () t))
        (push (cons 'diagnostics_commanded (vconcat (fazhi-check--diagnostics))) extra))
      ;; Read here, in the report's buffer, not in the temporary one that writes the file.
      (let ((json (json-encode (append (list (cons 'mode (symbol-name major-mode))
                                             (cons 'managed (and (bound-and-true-p eglot--managed-mode) t))
                                             (cons 'diagnostics (vconcat before)))
                                       extra))))
        (with-temp-file (getenv "FAZHI_EMACS_OUT") (insert json))))))
(kill-emacs 0)
