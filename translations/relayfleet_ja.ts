<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AlertRules</name>
    <message>
        <source>A webhook is an address starting with https:// (or http://) and a host name, such as https://hooks.slack.com/services/…</source>
        <translation>Webhook は https:// (または http://) とホスト名で始まるアドレスです (例: https://hooks.slack.com/services/…)</translation>
    </message>
    <message>
        <source>The alert setting &quot;%1&quot; is not a number in range.</source>
        <translation>通知の設定 &quot;%1&quot; が範囲内の数ではありません。</translation>
    </message>
    <message>
        <source>The alert setting &quot;%1&quot; is not true or false.</source>
        <translation>通知の設定 &quot;%1&quot; が true でも false でもありません。</translation>
    </message>
    <message>
        <source>Alerts name more than %1 labels.</source>
        <translation>通知の設定に %1 個を超えるラベルがあります。</translation>
    </message>
    <message>
        <source>The alert limit for the label &quot;%1&quot; is not a label and a number of seconds.</source>
        <translation>ラベル &quot;%1&quot; の通知の設定が、ラベルと秒数の組になっていません。</translation>
    </message>
    <message>
        <source>The alert settings in %1 cannot be used: %2</source>
        <translation>%1 の通知の設定は使えません: %2</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>terminal opened</source>
        <translation>ターミナルを開いた</translation>
    </message>
    <message>
        <source>terminal closed</source>
        <translation>ターミナルを閉じた</translation>
    </message>
    <message>
        <source>command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>push</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>ポート転送</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>key installed</source>
        <translation>鍵を登録</translation>
    </message>
    <message>
        <source>key rotated</source>
        <translation>鍵を交換</translation>
    </message>
    <message>
        <source>key revoked</source>
        <translation>鍵を失効</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message numerus="yes">
        <source>(secret, %n character(s))</source>
        <translation>
            <numerusform>(秘密の値、%n 文字)</numerusform>
        </translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>登録 (既存トンネル)</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>AuthorizedKeysEditor</name>
    <message>
        <source>Not a valid public key.</source>
        <translation>有効な公開鍵ではありません。</translation>
    </message>
    <message>
        <source>The key installer script is missing from this build.</source>
        <translation>このビルドには鍵インストール用スクリプトが含まれていません。</translation>
    </message>
    <message>
        <source>Editing authorized_keys failed: %1</source>
        <translation>authorized_keys の編集に失敗しました: %1</translation>
    </message>
    <message>
        <source>Unexpected answer while editing authorized_keys.</source>
        <translation>authorized_keys の編集中に予期しない応答がありました。</translation>
    </message>
</context>
<context>
    <name>ChannelPump</name>
    <message>
        <source>opening a channel</source>
        <translation>チャネルを開く処理</translation>
    </message>
    <message>
        <source>Cannot create a local socket pair: %1</source>
        <translation>ローカルのソケットペアを作成できません: %1</translation>
    </message>
    <message>
        <source>no answer from the relay for %1 s</source>
        <translation>中継サーバーから %1 秒間応答がありません</translation>
    </message>
    <message>
        <source>closed by the application</source>
        <translation>アプリケーションが閉じました</translation>
    </message>
    <message>
        <source>The connection to %1 is closed (%2).</source>
        <translation>%1 との接続は閉じています (%2)。</translation>
    </message>
    <message>
        <source>opening a channel through %1</source>
        <translation>%1 経由のチャネルを開く処理</translation>
    </message>
    <message>
        <source>a command on %1</source>
        <translation>%1 でのコマンド実行</translation>
    </message>
    <message>
        <source>A command on %1 did not finish in time.</source>
        <translation>%1 でのコマンドが時間内に終わりませんでした。</translation>
    </message>
    <message>
        <source>A session was refused by %1: %2</source>
        <translation>%1 がセッションを拒否しました: %2</translation>
    </message>
    <message>
        <source>Running a command was refused by %1: %2</source>
        <translation>%1 がコマンドの実行を拒否しました: %2</translation>
    </message>
    <message>
        <source>Cannot send input to %1: %2</source>
        <translation>%1 に入力を送れません: %2</translation>
    </message>
    <message>
        <source>Lost %1 while a command ran: %2</source>
        <translation>コマンドの実行中に %1 との接続が切れました: %2</translation>
    </message>
    <message>
        <source>A command on %1 did not start in time: it was running as many commands as it allows on one connection.</source>
        <translation>%1 でのコマンドが時間内に始まりませんでした: 1 つの接続で許される数のコマンドがすでに実行中でした。</translation>
    </message>
    <message>
        <source>Cannot create a channel on %1: %2</source>
        <translation>%1 にチャネルを作れません: %2</translation>
    </message>
    <message>
        <source>%1 did not open a channel to port %2 in time.</source>
        <translation>%1 がポート %2 へのチャネルを時間内に開きませんでした。</translation>
    </message>
    <message>
        <source>%1 refused a connection to its port %2 (%3).</source>
        <translation>%1 がポート %2 への接続を拒否しました (%3)。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>%1 との接続が切れました: %2</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>Keep Relay Fleet&apos;s files in DIR (also RELAYFLEET_HOME).</source>
        <translation>Relay Fleet のファイルを DIR に置く (RELAYFLEET_HOME でも指定可)。</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>機械可読な JSON で出力する。</translation>
    </message>
    <message>
        <source>Give up connecting after SECONDS (default 15).</source>
        <translation>SECONDS 秒で接続をあきらめる (既定 15)。</translation>
    </message>
    <message>
        <source>Accept a host key seen for the first time (a changed key is always refused).</source>
        <translation>初めて見るホスト鍵を受け入れる (変更された鍵は常に拒否)。</translation>
    </message>
    <message>
        <source>Log in with this private key file.</source>
        <translation>この秘密鍵ファイルでログインする。</translation>
    </message>
    <message>
        <source>Read a login password from the first line of standard input.</source>
        <translation>ログインパスワードを標準入力の 1 行目から読む。</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>%1 のパスフレーズ: </translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 のパスワード: </translation>
    </message>
    <message>
        <source>No relay is configured yet; add one with `relayfleet-cli relay add`.</source>
        <translation>中継サーバーがまだ設定されていません。`relayfleet-cli relay add` で追加してください。</translation>
    </message>
</context>
<context>
    <name>ConnectionHistory</name>
    <message>
        <source>the relay&apos;s name did not resolve (DNS)</source>
        <translation>中継サーバーの名前を解決できなかった (DNS)</translation>
    </message>
    <message>
        <source>no route to the relay (the device&apos;s network was down)</source>
        <translation>中継サーバーへの経路がなかった (機器のネットワークが切れていた)</translation>
    </message>
    <message>
        <source>connecting to the relay timed out</source>
        <translation>中継サーバーへの接続がタイムアウトした</translation>
    </message>
    <message>
        <source>the relay refused the connection (its sshd down or restarting)</source>
        <translation>中継サーバーが接続を拒否した (sshd が停止中か再起動中)</translation>
    </message>
    <message>
        <source>the relay&apos;s host key changed</source>
        <translation>中継サーバーのホスト鍵が変わった</translation>
    </message>
    <message>
        <source>the relay refused the tunnel key</source>
        <translation>中継サーバーがトンネル鍵を拒否した</translation>
    </message>
    <message>
        <source>the relay port was still held by another session</source>
        <translation>中継サーバーのポートがまだ別のセッションに握られていた</translation>
    </message>
    <message>
        <source>the relay stopped answering keepalives</source>
        <translation>中継サーバーがキープアライブに応答しなくなった</translation>
    </message>
    <message>
        <source>the relay closed the connection before the login</source>
        <translation>中継サーバーがログイン前に接続を閉じた</translation>
    </message>
    <message>
        <source>the relay closed the connection</source>
        <translation>中継サーバーが接続を閉じた</translation>
    </message>
    <message>
        <source>the device&apos;s own sshd was not answering</source>
        <translation>機器自身の sshd が応答していなかった</translation>
    </message>
    <message>
        <source>the device&apos;s clock was far off</source>
        <translation>機器の時計が大きくずれていた</translation>
    </message>
    <message>
        <source>an unrecognised error (see relayfleet-cli logs)</source>
        <translation>不明なエラー (relayfleet-cli logs を参照)</translation>
    </message>
    <message>
        <source>; then </source>
        <translation>、その後 </translation>
    </message>
</context>
<context>
    <name>DataUsage</name>
    <message>
        <source>not reported (a runner older than version 4, or no report yet)</source>
        <translation>報告なし (バージョン 4 より古い実行スクリプトか、まだ報告がありません)</translation>
    </message>
    <message>
        <source>%1 this month by its tunnel (reported %2)</source>
        <translation>今月トンネルで %1 (%2 に報告)</translation>
    </message>
    <message>
        <source>%1; modem: signal %2 %, %3 since boot</source>
        <translation>%1。モデム: 電波 %2 %、起動以来 %3</translation>
    </message>
    <message>
        <source>%1; no modem found (ModemManager)</source>
        <translation>%1。モデムは見つかりません (ModemManager)</translation>
    </message>
</context>
<context>
    <name>DeviceAdoption</name>
    <message>
        <source>Relay %1 already has a device &quot;%2&quot;.</source>
        <translation>中継サーバー %1 にはすでにデバイス「%2」があります。</translation>
    </message>
    <message>
        <source>Nothing speaks SSH on %1: %2</source>
        <translation>%1 で SSH が応答しません: %2</translation>
    </message>
    <message>
        <source>A host key is already pinned for device &quot;%1&quot; in %2; remove the device first.</source>
        <translation>デバイス「%1」のホスト鍵はすでに %2 に登録されています。先にデバイスを削除してください。</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>デバイス %1</translation>
    </message>
</context>
<context>
    <name>DeviceConnection</name>
    <message>
        <source>The connection to relay %1 was lost while reaching %2 (%3).</source>
        <translation>%2 に接続する途中で中継サーバー %1 との接続が切れました (%3)。</translation>
    </message>
    <message>
        <source>Relay %1 is not answering (a check got no reply within %2 s), so %3 could not be reached: the link to the relay is down or the relay is overloaded.</source>
        <translation>中継サーバー %1 が応答しないため (確認に %2 秒以内の返答なし)、%3 に接続できませんでした: 中継サーバーへの回線が切れているか、中継サーバーが過負荷です。</translation>
    </message>
    <message>
        <source>%1 did not answer on port %2 of relay %3 in time: the relay still holds the port but nothing answers, so the tunnel is probably stale (the device lost power or its link).</source>
        <translation>%1 は中継サーバー %3 のポート %2 で時間内に応答しませんでした: 中継サーバーはポートを保持したままですが何も応答しないため、トンネルはおそらく停滞しています (デバイスの電源か回線が失われました)。</translation>
    </message>
</context>
<context>
    <name>DeviceHealth</name>
    <message>
        <source>under-voltage now (its power supply is too weak)</source>
        <translation>現在電圧不足 (電源が弱すぎます)</translation>
    </message>
    <message>
        <source>under-voltage since it started</source>
        <translation>起動後に電圧不足あり</translation>
    </message>
    <message>
        <source>throttled now</source>
        <translation>現在性能制限中</translation>
    </message>
    <message>
        <source>throttled since it started</source>
        <translation>起動後に性能制限あり</translation>
    </message>
    <message>
        <source>running hot</source>
        <translation>高温</translation>
    </message>
    <message>
        <source>running warm</source>
        <translation>温度が高め</translation>
    </message>
    <message>
        <source>disk almost full</source>
        <translation>ディスクがほぼ満杯</translation>
    </message>
    <message>
        <source>disk filling up</source>
        <translation>ディスク残りわずか</translation>
    </message>
    <message>
        <source>memory short</source>
        <translation>メモリ不足</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未報告</translation>
    </message>
    <message>
        <source>fine</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>危険</translation>
    </message>
    <message>
        <source>not reported (its runner is older than version 6)</source>
        <translation>未報告 (実行スクリプトがバージョン 6 より古い)</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>load %1</source>
        <translation>負荷 %1</translation>
    </message>
    <message>
        <source>memory %1 % free</source>
        <translation>メモリ空き %1 %</translation>
    </message>
    <message>
        <source>disk %1 % free</source>
        <translation>ディスク空き %1 %</translation>
    </message>
    <message numerus="yes">
        <source>up %n h</source>
        <translation>
            <numerusform>稼働 %n 時間</numerusform>
        </translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>カーネル %1</translation>
    </message>
</context>
<context>
    <name>DeviceProbe</name>
    <message>
        <source>port %1 of relay %2</source>
        <translation>中継サーバー %2 のポート %1</translation>
    </message>
</context>
<context>
    <name>DeviceRecord</name>
    <message>
        <source>The device id &quot;%1&quot; is not valid (a-z, 0-9 and &apos;-&apos;, at most 63).</source>
        <translation>デバイス ID「%1」は不正です (a-z、0-9、&apos;-&apos;、63 文字まで)。</translation>
    </message>
    <message>
        <source>Device %1 has an invalid name.</source>
        <translation>デバイス %1 の名前が不正です。</translation>
    </message>
    <message>
        <source>Device %1 has an invalid port %2 (1024-65535).</source>
        <translation>デバイス %1 のポート %2 が不正です (1024-65535)。</translation>
    </message>
    <message>
        <source>Device %1 has an invalid host key.</source>
        <translation>デバイス %1 のホスト鍵が不正です。</translation>
    </message>
    <message>
        <source>Device %1 has an invalid tunnel key fingerprint.</source>
        <translation>デバイス %1 のトンネル鍵のフィンガープリントが不正です。</translation>
    </message>
    <message>
        <source>Device %1 has an invalid user name.</source>
        <translation>デバイス %1 のユーザー名が不正です。</translation>
    </message>
    <message>
        <source>Device %1 has more than 32 labels.</source>
        <translation>デバイス %1 のラベルが 32 個を超えています。</translation>
    </message>
    <message>
        <source>Device %1 has an invalid label.</source>
        <translation>デバイス %1 に不正なラベルがあります。</translation>
    </message>
    <message>
        <source>A registry entry is larger than 16 KiB.</source>
        <translation>登録簿のエントリーが 16 KiB を超えています。</translation>
    </message>
    <message>
        <source>A registry entry is not valid UTF-8 text.</source>
        <translation>登録簿のエントリーが有効な UTF-8 テキストではありません。</translation>
    </message>
    <message>
        <source>A registry entry has a line without &apos;=&apos;.</source>
        <translation>登録簿のエントリーに &apos;=&apos; のない行があります。</translation>
    </message>
    <message>
        <source>A registry entry has format %1; this Relay Fleet reads format %2.</source>
        <translation>登録簿のエントリーの形式は %1 ですが、この Relay Fleet が読めるのは形式 %2 です。</translation>
    </message>
</context>
<context>
    <name>DeviceStatus</name>
    <message>
        <source>online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>unregistered</source>
        <translation>未登録</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>不正</translation>
    </message>
</context>
<context>
    <name>DeviceTarget</name>
    <message>
        <source>device %1</source>
        <translation>デバイス %1</translation>
    </message>
    <message>
        <source>the tunnel on %1:%2</source>
        <translation>%1:%2 のトンネル</translation>
    </message>
</context>
<context>
    <name>DeviceUpgrade</name>
    <message>
        <source>The device files are missing from this build.</source>
        <translation>機器用のファイルがこのビルドに含まれていません。</translation>
    </message>
    <message>
        <source>No ~/.relayfleet on the device: it was not enrolled by Relay Fleet (a hand-made tunnel has nothing to upgrade).</source>
        <translation>機器に ~/.relayfleet がありません: Relay Fleet で登録された機器ではありません (手作りのトンネルには更新するものがありません)。</translation>
    </message>
    <message>
        <source>Already at version %1.</source>
        <translation>すでにバージョン %1 です。</translation>
    </message>
    <message>
        <source>Could not write %1 on the device: %2</source>
        <translation>機器に %1 を書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>The device did not start its upgrade: %1</source>
        <translation>機器が更新を開始しませんでした: %1</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>まだ応答がありません</translation>
    </message>
    <message>
        <source>Version %1 → %2; the new runner has a working tunnel.</source>
        <translation>バージョン %1 → %2。新しい実行スクリプトのトンネルは動作しています。</translation>
    </message>
    <message>
        <source>the device&apos;s watchdog has not decided yet</source>
        <translation>機器のウォッチドッグはまだ判定していません</translation>
    </message>
    <message>
        <source>(The relay&apos;s registry still names the old version: %1)</source>
        <translation>(中継サーバーの登録簿はまだ古いバージョンを記しています: %1)</translation>
    </message>
    <message>
        <source>already current</source>
        <translation>すでに最新</translation>
    </message>
    <message>
        <source>upgraded</source>
        <translation>更新済み</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>元に戻されました</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>到達できません</translation>
    </message>
    <message>
        <source>not upgraded</source>
        <translation>更新されていません</translation>
    </message>
    <message>
        <source>The new runner had no working tunnel within %1 s; the device went back to version %2 by itself (%3).</source>
        <translation>新しい実行スクリプトは %1 秒以内にトンネルを張れませんでした。機器は自らバージョン %2 に戻りました (%3)。</translation>
    </message>
    <message>
        <source>The device did not come back within %1 s (%2). It goes back to its previous runner by itself if the new one has no tunnel; ask again later.</source>
        <translation>機器は %1 秒以内に戻りませんでした (%2)。新しい実行スクリプトでトンネルが張れない場合、機器は自ら以前のものに戻ります。しばらくしてからもう一度確認してください。</translation>
    </message>
    <message>
        <source>The overrides module went from version %1 to %2; a running program uses it from its next start.</source>
        <translation>上書きモジュールはバージョン %1 から %2 になりました。実行中のプログラムは次の起動からこれを使います。</translation>
    </message>
    <message>
        <source>The runner was already at version %1; the overrides module went from version %2 to %3, and a running program uses it from its next start.</source>
        <translation>ランナーはすでにバージョン %1 でした。上書きモジュールはバージョン %2 から %3 になり、実行中のプログラムは次の起動からこれを使います。</translation>
    </message>
    <message>
        <source>Could not write the overrides module on the device: %1</source>
        <translation>機器に上書きモジュールを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>(The relay&apos;s helper could not be brought up to this version: %1. Until `relayfleet-cli relay init` does it, a device in the cellular profile keeps its tunnel with ssh&apos;s keepalive, and its dead link is noticed later.)</source>
        <translation>(中継サーバーの補助スクリプトをこのバージョンに更新できませんでした: %1。`relayfleet-cli relay init` で更新するまで、セルラープロファイルの機器は ssh のキープアライブでトンネルを保ち、回線の切断に気付くのが遅れます。)</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>%1 failed on the device (exit %2): %3</source>
        <translation>%1 がデバイス上で失敗しました (終了コード %2): %3</translation>
    </message>
    <message>
        <source>%1 (relay %2 is unreachable)</source>
        <translation>%1 (中継サーバー %2 に接続できません)</translation>
    </message>
    <message>
        <source>The undo</source>
        <translation>取り消し処理</translation>
    </message>
    <message>
        <source>Authorising the device&apos;s tunnel key on relay %1 (port %2 only, no shell)</source>
        <translation>中継サーバー %1 でデバイスのトンネル鍵を許可しています (ポート %2 のみ、シェルなし)</translation>
    </message>
    <message>
        <source>revoking the tunnel key of %1 on relay %2</source>
        <translation>中継サーバー %2 での %1 のトンネル鍵の取り消し</translation>
    </message>
    <message>
        <source>Registering %1 on relay %2</source>
        <translation>%1 を中継サーバー %2 に登録しています</translation>
    </message>
    <message>
        <source>removing %1 from the registry of relay %2</source>
        <translation>中継サーバー %2 の登録簿からの %1 の削除</translation>
    </message>
    <message>
        <source> Run `relayfleet-cli remove %1 --relay %2` once the relay is reachable.</source>
        <translation> 中継サーバーに接続できるようになったら `relayfleet-cli remove %1 --relay %2` を実行してください。</translation>
    </message>
    <message>
        <source>Checking relay %1</source>
        <translation>中継サーバー %1 を確認しています</translation>
    </message>
    <message>
        <source>Relay %1 already has a device &quot;%2&quot;; remove it first or choose another id.</source>
        <translation>中継サーバー %1 にはすでにデバイス「%2」があります。先に削除するか、別の ID を選んでください。</translation>
    </message>
    <message>
        <source>No valid public key to install on the device.</source>
        <translation>デバイスにインストールできる有効な公開鍵がありません。</translation>
    </message>
    <message>
        <source>Connecting to the device at %1:%2</source>
        <translation>%1:%2 のデバイスに接続しています</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>デバイス %1</translation>
    </message>
    <message>
        <source>forgetting the device&apos;s host key here</source>
        <translation>このコンピューターでのデバイスのホスト鍵の破棄</translation>
    </message>
    <message>
        <source>Connecting to the device through port %1 of relay %2</source>
        <translation>中継サーバー %2 のポート %1 経由でデバイスに接続しています</translation>
    </message>
    <message>
        <source>Copying the tunnel runner to the device</source>
        <translation>トンネル実行スクリプトをデバイスにコピーしています</translation>
    </message>
    <message>
        <source>removing ~/.relayfleet from the device</source>
        <translation>デバイスからの ~/.relayfleet の削除</translation>
    </message>
    <message>
        <source>Creating ~/.relayfleet</source>
        <translation>~/.relayfleet の作成</translation>
    </message>
    <message>
        <source>The device script %1 is missing from this build.</source>
        <translation>このビルドにはデバイス用スクリプト %1 が含まれていません。</translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation>%1 のコピー</translation>
    </message>
    <message>
        <source>Installing your public key on the device</source>
        <translation>あなたの公開鍵をデバイスにインストールしています</translation>
    </message>
    <message>
        <source>Installing your key</source>
        <translation>あなたの鍵のインストール</translation>
    </message>
    <message>
        <source>removing your key from the device</source>
        <translation>デバイスからのあなたの鍵の削除</translation>
    </message>
    <message>
        <source>Creating the device&apos;s own tunnel key on the device</source>
        <translation>デバイス上でデバイス自身のトンネル鍵を作成しています</translation>
    </message>
    <message>
        <source>Creating the tunnel key (is ssh-keygen installed?)</source>
        <translation>トンネル鍵の作成 (ssh-keygen はインストールされていますか?)</translation>
    </message>
    <message>
        <source>The device returned an unusable tunnel key.</source>
        <translation>デバイスが使えないトンネル鍵を返しました。</translation>
    </message>
    <message>
        <source>Reserving a port on relay %1</source>
        <translation>中継サーバー %1 のポートを確保しています</translation>
    </message>
    <message>
        <source>Port %1 on relay %2 is already in use.</source>
        <translation>中継サーバー %2 のポート %1 はすでに使われています。</translation>
    </message>
    <message>
        <source>releasing port %1 on relay %2</source>
        <translation>中継サーバー %2 のポート %1 の解放</translation>
    </message>
    <message>
        <source>Relay %1 has no free port between %2 and %3.</source>
        <translation>中継サーバー %1 には %2 から %3 の間に空きポートがありません。</translation>
    </message>
    <message>
        <source>Pinning the relay&apos;s host key on the device and installing the tunnel service</source>
        <translation>デバイスに中継サーバーのホスト鍵を固定し、トンネルサービスをインストールしています</translation>
    </message>
    <message>
        <source>Relay %1&apos;s host key is not pinned here, so it cannot be pinned on the device.</source>
        <translation>中継サーバー %1 のホスト鍵がこのコンピューターで固定されていないため、デバイスに固定できません。</translation>
    </message>
    <message>
        <source>Invalid relay address.</source>
        <translation>中継サーバーのアドレスが不正です。</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 の書き込み</translation>
    </message>
    <message>
        <source>removing the tunnel service from the device</source>
        <translation>デバイスからのトンネルサービスの削除</translation>
    </message>
    <message>
        <source>Installing the tunnel service</source>
        <translation>トンネルサービスのインストール</translation>
    </message>
    <message>
        <source>Checking the device through relay %1</source>
        <translation>中継サーバー %1 経由でデバイスを確認しています</translation>
    </message>
    <message>
        <source>Enrolment cancelled.</source>
        <translation>登録を中止しました。</translation>
    </message>
    <message>
        <source>The device&apos;s tunnel did not come up on port %1 of relay %2 within %3 s: %4</source>
        <translation>デバイスのトンネルが %3 秒以内に中継サーバー %2 のポート %1 で開きませんでした: %4</translation>
    </message>
</context>
<context>
    <name>FileCopy</name>
    <message>
        <source>The device&apos;s SFTP server cannot replace a file in one step (it lacks OpenSSH&apos;s posix-rename), so nothing was copied: a copy could leave a half-written file.</source>
        <translation>機器の SFTP サーバーはファイルを一度に置き換えられない (OpenSSH の posix-rename がない) ため、何もコピーしませんでした: コピーが書きかけのファイルを残すおそれがあります。</translation>
    </message>
    <message>
        <source>There is no folder %1 on the device.</source>
        <translation>機器にフォルダー %1 はありません。</translation>
    </message>
    <message>
        <source>%1 is not a folder on the device; copying several files needs one.</source>
        <translation>%1 は機器上のフォルダーではありません。複数のファイルをコピーするにはフォルダーが必要です。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>ファイル %1 はありません。</translation>
    </message>
    <message>
        <source>%1 is a folder: copy it with -r.</source>
        <translation>%1 はフォルダーです: -r を付けてコピーしてください。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 を読めません。</translation>
    </message>
    <message>
        <source>%1 (not a regular file)</source>
        <translation>%1 (通常のファイルではありません)</translation>
    </message>
    <message>
        <source>%1 (a symbolic link)</source>
        <translation>%1 (シンボリックリンク)</translation>
    </message>
    <message>
        <source>%1 (nested too deep)</source>
        <translation>%1 (階層が深すぎます)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <source>Sending %1 stopped after %2 of %3 bytes: %4. %5 on the device was not changed.</source>
        <translation>%1 の送信は %3 バイト中 %2 バイトで止まりました: %4。機器上の %5 は変更されていません。</translation>
    </message>
    <message>
        <source>A partial copy may remain there as %1.</source>
        <translation>途中までのコピーが %1 として残っている可能性があります。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>フォルダー %1 を作れません: %2</translation>
    </message>
    <message>
        <source>%1 is a folder on the device: copy it with -r.</source>
        <translation>%1 は機器上のフォルダーです: -r を付けてコピーしてください。</translation>
    </message>
    <message>
        <source>%1 on the device is not a regular file.</source>
        <translation>機器上の %1 は通常のファイルではありません。</translation>
    </message>
    <message>
        <source>%1 (a symbolic link or not a regular file)</source>
        <translation>%1 (シンボリックリンクまたは通常のファイルではありません)</translation>
    </message>
    <message>
        <source>Cannot create a file in %1: %2</source>
        <translation>%1 にファイルを作れません: %2</translation>
    </message>
    <message>
        <source>Receiving %1 stopped after %2 of %3 bytes: %4. %5 was not changed.</source>
        <translation>%1 の受信は %3 バイト中 %2 バイトで止まりました: %4。%5 は変更されていません。</translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) were copied whole.</source>
        <translation>
            <numerusform>ほかの %n 個のファイルは完全にコピーされました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetAlerts</name>
    <message numerus="yes">
        <source>%1 has been unreachable for %n min (%2).</source>
        <translation>
            <numerusform>%1 に %n 分間接続できていません (%2)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is back online after %n min.</source>
        <translation>
            <numerusform>%1 が %n 分ぶりに復帰しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 needs a look: %2.</source>
        <translation>%1 を確認してください: %2。</translation>
    </message>
    <message>
        <source>disk %1 % free, under %2 %</source>
        <translation>ディスク空き %1 % (%2 % 未満)</translation>
    </message>
    <message>
        <source>%1 °C, over %2 °C</source>
        <translation>%1 °C (%2 °C 超)</translation>
    </message>
    <message>
        <source>under-voltage: its power supply is too weak</source>
        <translation>電圧不足: 電源が弱すぎます</translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <source>(hand-made tunnel)</source>
        <translation>(手作りのトンネル)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>中継サーバー</translation>
    </message>
    <message>
        <source>Its Relay Fleet files are older than this app&apos;s: relayfleet-cli upgrade %1 brings them up.</source>
        <translation>この機器の Relay Fleet のファイルはこのアプリのものより古いです: relayfleet-cli upgrade %1 で更新できます。</translation>
    </message>
    <message>
        <source>%1 · files outdated</source>
        <translation>%1 · ファイルが古い</translation>
    </message>
    <message>
        <source>Why, as the device reported: %1</source>
        <translation>機器が報告した理由: %1</translation>
    </message>
    <message>
        <source>Offline since</source>
        <translation>オフライン開始</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Health: %1 — %2</source>
        <translation>状態: %1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>HostKey</name>
    <message>
        <source>A host key needs a type and a base64 body.</source>
        <translation>ホスト鍵には種類と base64 の本体が必要です。</translation>
    </message>
    <message>
        <source>Unsupported host key type &quot;%1&quot;.</source>
        <translation>ホスト鍵の種類「%1」には対応していません。</translation>
    </message>
    <message>
        <source>The host key is too long.</source>
        <translation>ホスト鍵が長すぎます。</translation>
    </message>
    <message>
        <source>The host key body is not valid base64 of a %1 key.</source>
        <translation>ホスト鍵の本体が %1 鍵の有効な base64 ではありません。</translation>
    </message>
</context>
<context>
    <name>HostKeyVerifier</name>
    <message>
        <source>The host key of %1 does not match the expected one: expected %2, got %3. The connection was refused.</source>
        <translation>%1 のホスト鍵が期待したものと一致しません: 期待 %2、実際 %3。接続を拒否しました。</translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED: pinned %2, now presented %3. This may be a man-in-the-middle attack; the connection was refused. If the host was really reinstalled, remove its line &quot;%4&quot; from %5.</source>
        <translation>%1 のホスト鍵が変更されました: 固定済み %2、今回提示 %3。中間者攻撃の可能性があるため、接続を拒否しました。ホストを本当に再インストールしたのなら、%5 からその行「%4」を削除してください。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known yet (%2 %3). Check the fingerprint on the host itself, then accept it.</source>
        <translation>%1 のホスト鍵はまだ知られていません (%2 %3)。ホスト自身でフィンガープリントを確かめてから受け入れてください。</translation>
    </message>
</context>
<context>
    <name>JsonFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the app reads at most %3. Fix or remove it.</source>
        <translation>%1 は %2 バイトありますが、アプリが読み込むのは %3 バイトまでです。修正するか削除してください。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2); fix or remove it.</source>
        <translation>%1 は有効な JSON ではありません (%2)。修正するか削除してください。</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>オブジェクトではありません</translation>
    </message>
    <message>
        <source>%1 has format version %2; this Relay Fleet reads version %3.</source>
        <translation>%1 の形式バージョンは %2 ですが、この Relay Fleet が読めるのはバージョン %3 です。</translation>
    </message>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>%1 のフォルダーを作成できません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>JsonLinesFile</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <source>Cannot write %1: another program keeps it locked.</source>
        <translation>%1 に書き込めません: 別のプログラムがロックしています。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
</context>
<context>
    <name>KeyDistributor</name>
    <message>
        <source>already installed</source>
        <translation>インストール済み</translation>
    </message>
    <message>
        <source>%1, but logging in with it failed: %2</source>
        <translation>%1。ただし、その鍵でのログインに失敗しました: %2</translation>
    </message>
    <message>
        <source>, login verified</source>
        <translation>、ログインを確認しました</translation>
    </message>
    <message>
        <source>relay %1</source>
        <translation>中継サーバー %1</translation>
    </message>
    <message>
        <source>kept the old key: </source>
        <translation>古い鍵を残しました: </translation>
    </message>
    <message>
        <source>kept the old key: the new key does not log in (%1)</source>
        <translation>古い鍵を残しました: 新しい鍵ではログインできません (%1)</translation>
    </message>
    <message>
        <source>the new key works, but the old one could not be removed: </source>
        <translation>新しい鍵は使えますが、古い鍵を削除できませんでした: </translation>
    </message>
    <message>
        <source>rotated: new key verified, old key removed</source>
        <translation>交換しました: 新しい鍵を確認し、古い鍵を削除しました</translation>
    </message>
    <message>
        <source>refused: you would be logging in with the key you revoke; pass --identity with another key</source>
        <translation>拒否しました: 取り消す鍵でログインすることになります。--identity で別の鍵を指定してください</translation>
    </message>
    <message>
        <source>was not installed</source>
        <translation>インストールされていませんでした</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 を作成できません。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <source>There is no key named &quot;%1&quot;; create one with `relayfleet-cli keys generate %1`.</source>
        <translation>「%1」という名前の鍵はありません。`relayfleet-cli keys generate %1` で作成してください。</translation>
    </message>
    <message>
        <source>The passphrase of key %1 is not kept in the keychain.</source>
        <translation>鍵 %1 のパスフレーズはキーチェーンに保存されていません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid key name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation>「%1」は鍵の名前として使えません (英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos;)。</translation>
    </message>
    <message>
        <source>A key file %1 already exists; it is left alone.</source>
        <translation>鍵ファイル %1 はすでにあります。そのままにしました。</translation>
    </message>
    <message>
        <source>libssh could not generate an ed25519 key.</source>
        <translation>libssh が ed25519 鍵を生成できませんでした。</translation>
    </message>
    <message>
        <source>libssh could not export the public key.</source>
        <translation>libssh が公開鍵を書き出せませんでした。</translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation>使えるキーチェーンがありません。</translation>
    </message>
    <message>
        <source>A passphrase of at least 8 characters is needed.</source>
        <translation>8 文字以上のパスフレーズが必要です。</translation>
    </message>
    <message>
        <source>libssh could not export the private key.</source>
        <translation>libssh が秘密鍵を書き出せませんでした。</translation>
    </message>
    <message>
        <source>Cannot write %1.pub.</source>
        <translation>%1.pub に書き込めません。</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The keychain has no such entry.</source>
        <translation>キーチェーンにそのエントリーはありません。</translation>
    </message>
    <message>
        <source>No keychain is available on this system (%1).</source>
        <translation>このシステムでは使えるキーチェーンがありません (%1)。</translation>
    </message>
    <message>
        <source>The keychain refused access (%1).</source>
        <translation>キーチェーンがアクセスを拒否しました (%1)。</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>キーチェーンでエラーが起きました: %1</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s (is it locked, or waiting for a permission prompt?).</source>
        <translation>キーチェーンが %1 秒以内に応答しませんでした (ロックされているか、許可の確認を待っていませんか?)。</translation>
    </message>
    <message>
        <source>The keychain job was not taken up within %1 s: the thread that must run it is busy.</source>
        <translation>キーチェーンの処理が %1 秒以内に始まりませんでした: それを実行するスレッドが処理中です。</translation>
    </message>
</context>
<context>
    <name>KnownHostsFile</name>
    <message>
        <source>Cannot read the known hosts file %1: %2</source>
        <translation>known hosts ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The known hosts file %1 is larger than 8 MiB.</source>
        <translation>known hosts ファイル %1 が 8 MiB を超えています。</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>%1 のフォルダーを作成できません。</translation>
    </message>
    <message>
        <source>Cannot write the known hosts file %1: %2</source>
        <translation>known hosts ファイル %1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>OpenSshConfig</name>
    <message>
        <source>Only a registered device has a pinned host key to check; adopt or enrol it first.</source>
        <translation>確認できる固定済みのホスト鍵を持つのは登録済みのデバイスだけです。先に取り込むか登録してください。</translation>
    </message>
    <message>
        <source>A path contains a quote or a newline.</source>
        <translation>パスに引用符か改行が含まれています。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
</context>
<context>
    <name>OverrideAssignment</name>
    <message>
        <source>&quot;%1&quot; is not a JSON literal: write numbers as 2.5, strings in double quotes (MODE=&apos;&quot;fast&quot;&apos; in a shell), or true, false, null.</source>
        <translation>「%1」は JSON のリテラルではありません: 数値は 2.5 のように、文字列は二重引用符で (シェルでは MODE=&apos;&quot;fast&quot;&apos;)、または true、false、null と書いてください。</translation>
    </message>
    <message>
        <source>Only numbers, strings, true, false and null can be pushed.</source>
        <translation>プッシュできるのは数値、文字列、true、false、null だけです。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NAME=VALUE.</source>
        <translation>「%1」は NAME=VALUE の形ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name ([A-Za-z_][A-Za-z0-9_]*, at most 64).</source>
        <translation>「%1」は変数名として使えません ([A-Za-z_][A-Za-z0-9_]*、64 文字まで)。</translation>
    </message>
</context>
<context>
    <name>OverrideMessage</name>
    <message>
        <source>Nothing to push.</source>
        <translation>プッシュするものがありません。</translation>
    </message>
    <message>
        <source>This push is %1 bytes; at most %2 fit in one atomic write to a FIFO. Push fewer or shorter values at a time.</source>
        <translation>このプッシュは %1 バイトですが、FIFO への 1 回の不可分な書き込みに収まるのは %2 バイトまでです。一度にプッシュする値を減らすか短くしてください。</translation>
    </message>
</context>
<context>
    <name>OverrideProtocol</name>
    <message>
        <source>&quot;%1&quot; is not a usable FIFO path (absolute or ~/..., letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, &apos;/&apos;).</source>
        <translation>「%1」は使える FIFO のパスではありません (絶対パスか ~/...、英字・数字・&apos;.&apos;・&apos;_&apos;・&apos;-&apos;・&apos;/&apos;)。</translation>
    </message>
    <message>
        <source>The push script is missing from this build.</source>
        <translation>このビルドにはプッシュ用スクリプトが含まれていません。</translation>
    </message>
    <message>
        <source>Invalid FIFO path.</source>
        <translation>FIFO のパスが不正です。</translation>
    </message>
    <message>
        <source>the device has no POSIX shell (sh)</source>
        <translation>デバイスに POSIX シェル (sh) がありません</translation>
    </message>
    <message>
        <source>the device gave no answer</source>
        <translation>デバイスが応答しませんでした</translation>
    </message>
    <message>
        <source>the program did not apply it</source>
        <translation>プログラムが適用しませんでした</translation>
    </message>
    <message>
        <source>the program rejected %1</source>
        <translation>プログラムが %1 を拒否しました</translation>
    </message>
    <message>
        <source>The program has published no state yet (is it running?).</source>
        <translation>プログラムはまだ状態を公開していません (動作していますか?)。</translation>
    </message>
    <message>
        <source>The state file is larger than 1 MiB.</source>
        <translation>状態ファイルが 1 MiB を超えています。</translation>
    </message>
    <message>
        <source>The state file is not Relay Fleet&apos;s format 1.</source>
        <translation>状態ファイルが Relay Fleet の形式 1 ではありません。</translation>
    </message>
</context>
<context>
    <name>PortForward</name>
    <message>
        <source>%1 is not a port number (1 to 65535).</source>
        <translation>%1 はポート番号 (1〜65535) ではありません。</translation>
    </message>
    <message>
        <source>%1 is not a local port number (1 to 65535).</source>
        <translation>%1 はローカルのポート番号 (1〜65535) ではありません。</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>機器 %1</translation>
    </message>
    <message>
        <source>Cannot create a pipe: %1</source>
        <translation>パイプを作れません: %1</translation>
    </message>
    <message>
        <source>%1 is not a local IP address to listen on (such as 127.0.0.1 or ::1).</source>
        <translation>%1 は待ち受けに使えるローカル IP アドレス (127.0.0.1 や ::1 など) ではありません。</translation>
    </message>
    <message>
        <source>Cannot create a socket: %1</source>
        <translation>ソケットを作れません: %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>%1 のポート %2 で待ち受けられません: %3</translation>
    </message>
    <message>
        <source>The session with %1 was lost; port %2 is no longer forwarded.</source>
        <translation>%1 とのセッションが切れました。ポート %2 はもう転送されていません。</translation>
    </message>
    <message>
        <source>A connection was refused: nothing listens on port %1 of %2 (or its sshd does not allow forwarding).</source>
        <translation>接続が拒否されました: %2 のポート %1 で何も待ち受けていません (または sshd が転送を許していません)。</translation>
    </message>
    <message>
        <source>A connection failed: %1</source>
        <translation>接続に失敗しました: %1</translation>
    </message>
    <message>
        <source>Nothing listens on port %1 of %2 (or its sshd does not allow forwarding).</source>
        <translation>%2 のポート %1 で何も待ち受けていません (または sshd が転送を許していません)。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unknown host key</source>
        <translation>不明なホスト鍵</translation>
    </message>
    <message>
        <source>This is the first connection to %1.</source>
        <translation>%1 への初めての接続です。</translation>
    </message>
    <message>
        <source>Its %1 key fingerprint is:
%2

Trust it only if it matches the one shown on the host itself (ssh-keygen -lf on its host key).</source>
        <translation>%1 鍵のフィンガープリント:
%2

ホスト自身で表示したもの (ホスト鍵に ssh-keygen -lf) と一致する場合だけ信頼してください。</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>信頼して接続</translation>
    </message>
    <message>
        <source>Host key changed</source>
        <translation>ホスト鍵が変更されました</translation>
    </message>
    <message>
        <source>The connection was refused because the host key changed.</source>
        <translation>ホスト鍵が変更されたため、接続を拒否しました。</translation>
    </message>
</context>
<context>
    <name>RegistryListing</name>
    <message>
        <source>The relay&apos;s registry listing is larger than 16 MiB.</source>
        <translation>中継サーバーの登録簿の一覧が 16 MiB を超えています。</translation>
    </message>
    <message>
        <source>The relay did not answer like a Relay Fleet helper.</source>
        <translation>中継サーバーの応答が Relay Fleet のヘルパーのものではありません。</translation>
    </message>
    <message>
        <source>The registry file name is not a valid id.</source>
        <translation>登録簿のファイル名が有効な ID ではありません。</translation>
    </message>
    <message>
        <source>The entry in %1.conf names another device.</source>
        <translation>%1.conf のエントリーは別のデバイスを指しています。</translation>
    </message>
</context>
<context>
    <name>RelayConfig</name>
    <message>
        <source>&quot;%1&quot; is not a valid relay name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 63).</source>
        <translation>「%1」は中継サーバーの名前として使えません: 英字、数字、&apos;.&apos;、&apos;_&apos;、&apos;-&apos; を使ってください (63 文字まで)。</translation>
    </message>
    <message>
        <source>Missing &apos;]&apos; in the address &quot;%1&quot;.</source>
        <translation>アドレス「%1」に &apos;]&apos; がありません。</translation>
    </message>
    <message>
        <source>Unexpected text after &apos;]&apos; in &quot;%1&quot;.</source>
        <translation>「%1」の &apos;]&apos; の後に予期しない文字があります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid port number.</source>
        <translation>「%1」は有効なポート番号ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name or address.</source>
        <translation>「%1」は有効なホスト名やアドレスではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation>「%1」は有効なユーザー名ではありません。</translation>
    </message>
</context>
<context>
    <name>RelayConnection</name>
    <message>
        <source>relay %1</source>
        <translation>中継サーバー %1</translation>
    </message>
    <message>
        <source>%1 is not a valid relay port.</source>
        <translation>%1 は有効な中継ポートではありません。</translation>
    </message>
    <message>
        <source>Nothing answers on port %1 of relay %2: the device is offline or its tunnel is down.</source>
        <translation>中継サーバー %2 のポート %1 で何も応答しません: デバイスがオフラインか、トンネルが切れています。</translation>
    </message>
</context>
<context>
    <name>RelayConnections</name>
    <message>
        <source>Connecting to relay %1 was cancelled.</source>
        <translation>中継サーバー %1 への接続をキャンセルしました。</translation>
    </message>
    <message>
        <source>Relay %1 did not answer in time.</source>
        <translation>中継サーバー %1 が時間内に応答しませんでした。</translation>
    </message>
</context>
<context>
    <name>RelayRegistry</name>
    <message>
        <source>Refusing to pass &quot;%1&quot; to the relay helper.</source>
        <translation>「%1」を中継サーバーのヘルパーに渡すことを拒否しました。</translation>
    </message>
    <message>
        <source>Relay %1 has no Relay Fleet helper yet: run `relayfleet-cli relay init %1`.</source>
        <translation>中継サーバー %1 にはまだ Relay Fleet のヘルパーがありません: `relayfleet-cli relay init %1` を実行してください。</translation>
    </message>
    <message>
        <source>The relay helper is missing from this build.</source>
        <translation>このビルドには中継サーバーのヘルパーが含まれていません。</translation>
    </message>
    <message>
        <source>Cannot install the helper on relay %1: %2</source>
        <translation>中継サーバー %1 にヘルパーをインストールできません: %2</translation>
    </message>
    <message>
        <source>Relay %1 could not list its registry: %2</source>
        <translation>中継サーバー %1 が登録簿を一覧できませんでした: %2</translation>
    </message>
    <message>
        <source>The registry entry of %1 on relay %2 is invalid: %3</source>
        <translation>中継サーバー %2 にある %1 の登録簿エントリーが不正です: %3</translation>
    </message>
    <message>
        <source>Relay %1 has no device &quot;%2&quot;.</source>
        <translation>中継サーバー %1 にデバイス「%2」はありません。</translation>
    </message>
    <message>
        <source>Invalid device id.</source>
        <translation>デバイス ID が不正です。</translation>
    </message>
    <message>
        <source>Invalid tunnel public key.</source>
        <translation>トンネルの公開鍵が不正です。</translation>
    </message>
    <message>
        <source>Relay %1&apos;s helper keeps no connection history yet: run `relayfleet-cli relay init %1` to upgrade it.</source>
        <translation>中継サーバー %1 のヘルパーはまだ接続履歴を記録していません: `relayfleet-cli relay init %1` を実行して更新してください。</translation>
    </message>
    <message>
        <source>Relay %1&apos;s helper keeps no health reports yet: run `relayfleet-cli relay init %1` to upgrade it.</source>
        <translation>中継サーバー %1 の補助スクリプトはまだ機器の状態を記録しません: `relayfleet-cli relay init %1` で更新してください。</translation>
    </message>
</context>
<context>
    <name>RelayScanner</name>
    <message>
        <source>The relay holds port %1 but nothing answers: the device probably lost power or its link.</source>
        <translation>中継サーバーはポート %1 を保持していますが何も応答しません: おそらくデバイスの電源か回線が失われました。</translation>
    </message>
    <message>
        <source>Port %1 answers with host key %2, not the pinned %3: another device holds the port.</source>
        <translation>ポート %1 は固定済みの %3 ではなくホスト鍵 %2 で応答しています: 別のデバイスがこのポートを使っています。</translation>
    </message>
    <message>
        <source>The relay holds port %1 but the device has been silent for %2 s (its heartbeat comes every %3 s): it probably lost power or its link. Check it to be sure.</source>
        <translation>中継サーバーはポート %1 を保持していますが、機器は %2 秒間沈黙しています (ハートビートは %3 秒ごと): おそらく電源か回線が失われました。確かめるには機器を確認してください。</translation>
    </message>
</context>
<context>
    <name>RelayStore</name>
    <message>
        <source>%1 holds an invalid relay: %2</source>
        <translation>%1 に不正な中継サーバーがあります: %2</translation>
    </message>
    <message>
        <source>There is no relay named &quot;%1&quot;; add it with `relayfleet-cli relay add`.</source>
        <translation>「%1」という中継サーバーはありません。`relayfleet-cli relay add` で追加してください。</translation>
    </message>
    <message>
        <source>There is no relay named &quot;%1&quot;.</source>
        <translation>「%1」という中継サーバーはありません。</translation>
    </message>
</context>
<context>
    <name>RemoteCommand</name>
    <message>
        <source>Cannot send input to the command.</source>
        <translation>コマンドに入力を送れません。</translation>
    </message>
    <message>
        <source>starting the command</source>
        <translation>コマンドの開始</translation>
    </message>
    <message>
        <source>The device refused to run the command: %1</source>
        <translation>デバイスがコマンドの実行を拒否しました: %1</translation>
    </message>
    <message>
        <source>The connection broke while the command ran: %1</source>
        <translation>コマンドの実行中に接続が切れました: %1</translation>
    </message>
    <message>
        <source>the remote command</source>
        <translation>リモートのコマンド</translation>
    </message>
    <message>
        <source>The command did not finish in time.</source>
        <translation>コマンドが時間内に終わりませんでした。</translation>
    </message>
    <message>
        <source>The connection closed before the command finished.</source>
        <translation>コマンドが終わる前に接続が閉じました。</translation>
    </message>
</context>
<context>
    <name>SftpClient</name>
    <message>
        <source>starting SFTP</source>
        <translation>SFTP の開始</translation>
    </message>
    <message>
        <source>%1 has no SFTP server (its sshd refused the sftp subsystem: %2).</source>
        <translation>%1 には SFTP サーバーがありません (sshd が sftp サブシステムを拒否しました: %2)。</translation>
    </message>
    <message>
        <source>%1&apos;s SFTP server does not speak SFTP version 3.</source>
        <translation>%1 の SFTP サーバーは SFTP バージョン 3 を話しません。</translation>
    </message>
    <message>
        <source>The connection broke during the file transfer: %1</source>
        <translation>ファイル転送中に接続が切れました: %1</translation>
    </message>
    <message>
        <source>The connection broke during %1: %2</source>
        <translation>%1 の途中で接続が切れました: %2</translation>
    </message>
    <message>
        <source>The device&apos;s SFTP server ended during %1.</source>
        <translation>%1 の途中で機器の SFTP サーバーが終了しました。</translation>
    </message>
    <message>
        <source>Nothing moved for %1 s during %2: the link to the device stalled.</source>
        <translation>%2 の途中で %1 秒間何も動きませんでした: 機器への回線が止まっています。</translation>
    </message>
    <message>
        <source>The connection closed during %1.</source>
        <translation>%1 の途中で接続が閉じられました。</translation>
    </message>
    <message>
        <source>The device&apos;s SFTP server sent a malformed reply during %1.</source>
        <translation>%1 の途中で機器の SFTP サーバーが不正な応答を送りました。</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>そのようなファイルやフォルダーはありません</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>権限がありません</translation>
    </message>
    <message>
        <source>not supported by the device&apos;s SFTP server</source>
        <translation>機器の SFTP サーバーが対応していません</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>ファイルの終わり</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗しました</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>%1 の読み取り</translation>
    </message>
    <message>
        <source>resolving %1</source>
        <translation>%1 の解決</translation>
    </message>
    <message>
        <source>listing %1</source>
        <translation>%1 の一覧</translation>
    </message>
    <message>
        <source>%1 has more than %2 entries.</source>
        <translation>%1 には %2 を超える項目があります。</translation>
    </message>
    <message>
        <source>creating the folder %1</source>
        <translation>フォルダー %1 の作成</translation>
    </message>
    <message>
        <source>removing %1</source>
        <translation>%1 の削除</translation>
    </message>
    <message>
        <source>creating %1</source>
        <translation>%1 の作成</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>%1 を開く処理</translation>
    </message>
    <message>
        <source>closing a file</source>
        <translation>ファイルを閉じる処理</translation>
    </message>
    <message>
        <source>The device&apos;s SFTP server cannot replace a file in one step (it lacks OpenSSH&apos;s posix-rename).</source>
        <translation>機器の SFTP サーバーはファイルを一度に置き換えられません (OpenSSH の posix-rename がありません)。</translation>
    </message>
    <message>
        <source>writing a file to the device&apos;s storage</source>
        <translation>機器のストレージへのファイルの書き込み</translation>
    </message>
    <message>
        <source>setting a file&apos;s mode</source>
        <translation>ファイルの権限の設定</translation>
    </message>
    <message>
        <source>renaming %1 to %2</source>
        <translation>%1 から %2 への名前の変更</translation>
    </message>
    <message>
        <source>sending a file</source>
        <translation>ファイルの送信</translation>
    </message>
    <message>
        <source>Cannot read the local file: %1</source>
        <translation>ローカルのファイルを読めません: %1</translation>
    </message>
    <message>
        <source>receiving a file</source>
        <translation>ファイルの受信</translation>
    </message>
    <message>
        <source>Cannot write the local file: %1</source>
        <translation>ローカルのファイルに書けません: %1</translation>
    </message>
</context>
<context>
    <name>SshConfigAlias</name>
    <message>
        <source>The SSH config file %1 does not exist.</source>
        <translation>SSH の設定ファイル %1 がありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host alias.</source>
        <translation>「%1」は有効なホストの別名ではありません。</translation>
    </message>
    <message>
        <source>Cannot parse the SSH config file %1: %2</source>
        <translation>SSH の設定ファイル %1 を解析できません: %2</translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <source>The server did not present a host key.</source>
        <translation>サーバーがホスト鍵を提示しませんでした。</translation>
    </message>
    <message>
        <source>The server&apos;s host key could not be read.</source>
        <translation>サーバーのホスト鍵を読み取れませんでした。</translation>
    </message>
    <message>
        <source>Out of memory creating an SSH session.</source>
        <translation>SSH セッションの作成中にメモリーが不足しました。</translation>
    </message>
    <message>
        <source>the SSH handshake with %1</source>
        <translation>%1 との SSH ハンドシェイク</translation>
    </message>
    <message>
        <source>The tunnel of %1 is up (the relay holds its port), but the device&apos;s own SSH server did not answer on the forwarded address (127.0.0.1, port 22 unless configured otherwise): is sshd running on the device? (%2)</source>
        <translation>%1 のトンネルは開いています (中継サーバーがそのポートを保持しています) が、デバイス自身の SSH サーバーが転送先のアドレス (127.0.0.1、設定がなければポート 22) で応答しませんでした: デバイスで sshd は動いていますか? (%2)</translation>
    </message>
    <message>
        <source>Cannot talk SSH to %1 through the relay: %2</source>
        <translation>中継サーバー経由で %1 と SSH で通信できません: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1 at %2:%3: %4</source>
        <translation>%2:%3 の %1 に接続できません: %4</translation>
    </message>
    <message>
        <source>public key authentication with %1</source>
        <translation>%1 との公開鍵認証</translation>
    </message>
    <message>
        <source>Connection to %1 failed during authentication: %2</source>
        <translation>認証中に %1 との接続に失敗しました: %2</translation>
    </message>
    <message>
        <source>The identity file %1 does not exist.</source>
        <translation>秘密鍵ファイル %1 がありません。</translation>
    </message>
    <message>
        <source>Cannot load the private key %1 (wrong passphrase, or not an OpenSSH/PEM private key).</source>
        <translation>秘密鍵 %1 を読み込めません (パスフレーズが違うか、OpenSSH/PEM の秘密鍵ではありません)。</translation>
    </message>
    <message>
        <source>%1 refused the key %2 for user &quot;%3&quot;. Install the public key there first.</source>
        <translation>%1 はユーザー「%3」の鍵 %2 を拒否しました。先にそこへ公開鍵をインストールしてください。</translation>
    </message>
    <message>
        <source>authentication with %1</source>
        <translation>%1 との認証</translation>
    </message>
    <message>
        <source>%1 refused the password for user &quot;%2&quot;.</source>
        <translation>%1 はユーザー「%2」のパスワードを拒否しました。</translation>
    </message>
    <message>
        <source>%1 accepted none of the keys offered for user &quot;%2&quot;. Pass --identity FILE, start ssh-agent, or install your public key there.</source>
        <translation>%1 はユーザー「%2」として提示したどの鍵も受け入れませんでした。--identity FILE を指定するか、ssh-agent を起動するか、そこへ公開鍵をインストールしてください。</translation>
    </message>
    <message>
        <source>Cannot create a channel.</source>
        <translation>チャネルを作れません。</translation>
    </message>
    <message>
        <source>opening a session channel</source>
        <translation>セッションチャネルを開く処理</translation>
    </message>
    <message>
        <source>%1 refused a session channel: %2</source>
        <translation>%1 がセッションチャネルを拒否しました: %2</translation>
    </message>
</context>
<context>
    <name>SshWait</name>
    <message>
        <source>Timed out during %1.</source>
        <translation>%1 の途中で時間切れになりました。</translation>
    </message>
    <message>
        <source>Cancelled during %1.</source>
        <translation>%1 の途中で中止しました。</translation>
    </message>
</context>
<context>
    <name>SystemTerminal</name>
    <message>
        <source>Cannot write the terminal script %1: %2</source>
        <translation>ターミナル用スクリプト %1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>TerminalPrompt</name>
    <message>
        <source>The authenticity of %1 can&apos;t be established.
%2 key fingerprint is %3.
</source>
        <translation>%1 の真正性を確認できません。
%2 鍵のフィンガープリントは %3 です。
</translation>
    </message>
    <message>
        <source>Pin this key and continue (yes/no)? </source>
        <translation>この鍵を登録して続けますか (yes/no)? </translation>
    </message>
    <message>
        <source>Continue this once without pinning it (yes/no)? </source>
        <translation>登録せずに今回だけ続けますか (yes/no)? </translation>
    </message>
</context>
<context>
    <name>TunnelProfile</name>
    <message>
        <source>LAN / Wi-Fi</source>
        <translation>LAN / Wi-Fi</translation>
    </message>
    <message>
        <source>Cellular (saves data)</source>
        <translation>セルラー (通信量を節約)</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: about %2 a month idle; a link that died silently is noticed within %3</source>
        <translation>%1: 待機中は月に約 %2。黙って切れた回線には %3 以内に気付きます</translation>
    </message>
    <message>
        <source>This device has no tunnel.conf: it was not enrolled by Relay Fleet.</source>
        <translation>この機器には tunnel.conf がありません: Relay Fleet で登録された機器ではありません。</translation>
    </message>
    <message>
        <source>Its tunnel runner is older than version 4 and has no profiles: run `relayfleet-cli upgrade` for it first.</source>
        <translation>この機器のトンネル実行スクリプトはバージョン 4 より古く、プロファイルがありません: 先に `relayfleet-cli upgrade` を実行してください。</translation>
    </message>
    <message>
        <source>Cannot write its tunnel.conf (is its disk full?).</source>
        <translation>tunnel.conf を書き込めません (ディスクがいっぱいではありませんか?)。</translation>
    </message>
    <message>
        <source>Profile %1 set; its tunnel reconnects with it in a few seconds.</source>
        <translation>プロファイル %1 を設定しました。トンネルは数秒後にこの設定で接続し直します。</translation>
    </message>
    <message>
        <source>A heartbeat every 5 s: a lost link is noticed within 30 s, at about 270 MB of data a month.</source>
        <translation>5 秒ごとのハートビート: 回線の切断に 30 秒以内に気付きます。通信量は月に約 270 MB です。</translation>
    </message>
    <message>
        <source>One heartbeat after as long a silence as the carrier allows (learned, at most 28 min): under 1 MB of data a month idle; a lost link is noticed within 30 min.</source>
        <translation>通信事業者が許す限り長い沈黙のあとに 1 回のハートビート (学習して決め、最大 28 分): 待機中の通信量は月に 1 MB 未満。回線の切断には 30 分以内に気付きます。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keep Relay Fleet&apos;s files in DIR.</source>
        <translation>Relay Fleet のファイルを DIR に置く。</translation>
    </message>
    <message>
        <source>Open a shell on this device once the fleet is listed.</source>
        <translation>機器一覧の表示後に、この機器のシェルを開く。</translation>
    </message>
    <message>
        <source>Manage devices behind NAT, reached through reverse SSH tunnels.</source>
        <translation>NAT の内側にあるデバイスを、リバース SSH トンネル経由で管理します。</translation>
    </message>
    <message>
        <source>Start the demo lab (a relay and three simulated devices on this computer) and show its fleet.</source>
        <translation>デモラボ（このコンピューター上の中継サーバーと3台の模擬デバイス）を起動し、その一覧を表示します。</translation>
    </message>
    <message>
        <source>Open the overrides editor of this device (or @LABEL) once the fleet is listed.</source>
        <translation>一覧が表示されたら、このデバイス（または @ラベル）の上書きエディターを開きます。</translation>
    </message>
    <message>
        <source>Open a wizard at start: keys (set up keys and a relay) or enrol.</source>
        <translation>起動時にウィザードを開きます: keys（鍵と中継サーバーの設定）または enrol（デバイスの登録）。</translation>
    </message>
    <message>
        <source>Unknown wizard &quot;%1&quot;: use keys or enrol.</source>
        <translation>不明なウィザード「%1」です。keys か enrol を指定してください。</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE (PNG) once the fleet is listed, then quit.</source>
        <translation>フリートの一覧が表示されたらウィンドウの画像を FILE (PNG) に保存して終了します。</translation>
    </message>
</context>
<context>
    <name>relayfleet::AlertWebhook</name>
    <message>
        <source>Relay Fleet: %1</source>
        <translation>Relay Fleet: %1</translation>
    </message>
    <message>
        <source>Relay Fleet: a test of this webhook. Alerts will come here.</source>
        <translation>Relay Fleet: この Webhook のテストです。通知はここに届きます。</translation>
    </message>
    <message numerus="yes">
        <source>not sent: %n earlier post(s) to the webhook are still waiting for an answer</source>
        <translation>
            <numerusform>未送信: Webhook への以前の %n 件の送信がまだ応答を待っています</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n s</source>
        <translation>
            <numerusform>%n 秒以内に応答がありません</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
</context>
<context>
    <name>relayfleet::FleetModel</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relayfleet::TerminalSession</name>
    <message>
        <source>The device refused %1: %2</source>
        <translation>デバイスが%1を拒否しました: %2</translation>
    </message>
    <message>
        <source>a session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>a terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>a shell</source>
        <translation>シェル</translation>
    </message>
    <message>
        <source>The connection to relay %1 was lost (%2)</source>
        <translation>中継サーバー %1 との接続が切れました (%2)</translation>
    </message>
    <message>
        <source>The connection to the device dropped: %1</source>
        <translation>デバイスとの接続が切れました: %1</translation>
    </message>
    <message>
        <source>The connection to the device dropped.</source>
        <translation>デバイスとの接続が切れました。</translation>
    </message>
    <message>
        <source>The connection to the device dropped while sending.</source>
        <translation>送信中にデバイスとの接続が切れました。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::AuditCommand</name>
    <message>
        <source>Usage: audit [--device ID] [--lines N] [--json]</source>
        <translation>使い方: audit [--device ID] [--lines N] [--json]</translation>
    </message>
    <message>
        <source>--lines takes a number from 1 to %1.</source>
        <translation>--lines には 1 から %1 までの数を指定します。</translation>
    </message>
    <message>
        <source>Nothing has been done to a device yet.</source>
        <translation>機器に対する操作はまだ記録されていません。</translation>
    </message>
    <message>
        <source>Nothing has been done to %1 yet.</source>
        <translation>%1 に対する操作はまだ記録されていません。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::CliApp</name>
    <message>
        <source>Relay Fleet: manage devices behind NAT through their relay.</source>
        <translation>Relay Fleet: NAT の内側の機器を中継サーバー経由で管理します。</translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation>実行する操作 (上記参照)。</translation>
    </message>
    <message>
        <source>Resolve host aliases from this OpenSSH config file (default ~/.ssh/config).</source>
        <translation>ホスト別名をこの OpenSSH 設定ファイルから解決する (既定 ~/.ssh/config)。</translation>
    </message>
    <message>
        <source>Log in to the device as USER (default pi).</source>
        <translation>機器に USER としてログインする (既定 pi)。</translation>
    </message>
    <message>
        <source>Require the device&apos;s host key to have this SHA256 fingerprint.</source>
        <translation>機器のホスト鍵がこの SHA256 フィンガープリントであることを要求する。</translation>
    </message>
    <message>
        <source>Pin the device&apos;s host key under this device id (relayfleet-ID).</source>
        <translation>機器のホスト鍵をこの機器 ID (relayfleet-ID) で登録する。</translation>
    </message>
    <message>
        <source>Only this relay.</source>
        <translation>この中継サーバーだけ。</translation>
    </message>
    <message>
        <source>The device id to register.</source>
        <translation>登録する機器 ID。</translation>
    </message>
    <message>
        <source>A display name for the device.</source>
        <translation>機器の表示名。</translation>
    </message>
    <message>
        <source>A label for the device (repeat, or comma-separate).</source>
        <translation>機器のラベル (繰り返し指定、またはカンマ区切り)。</translation>
    </message>
    <message>
        <source>Reach the device directly (enroll).</source>
        <translation>機器に直接接続する (enroll)。</translation>
    </message>
    <message>
        <source>Reach the device through an existing tunnel on this relay port (enroll).</source>
        <translation>この中継ポートの既存トンネル経由で機器に接続する (enroll)。</translation>
    </message>
    <message>
        <source>The relay port to give the device (enroll).</source>
        <translation>機器に割り当てる中継ポート (enroll)。</translation>
    </message>
    <message>
        <source>How the device reaches the relay, if not as this computer does (enroll).</source>
        <translation>このコンピューターと異なる場合の、機器から中継サーバーへの接続先 (enroll)。</translation>
    </message>
    <message>
        <source>The port of the device&apos;s own sshd, as the device sees it (enroll; default 22).</source>
        <translation>機器自身の sshd のポート (機器から見た値。enroll、既定 22)。</translation>
    </message>
    <message>
        <source>The public key to install on the device (enroll; default: the identity&apos;s .pub).</source>
        <translation>機器にインストールする公開鍵 (enroll。既定: 秘密鍵の .pub)。</translation>
    </message>
    <message>
        <source>The program&apos;s named pipe on the device (push; default ~/.relayfleet/overrides.fifo).</source>
        <translation>機器上のプログラムの名前付きパイプ (push。既定 ~/.relayfleet/overrides.fifo)。</translation>
    </message>
    <message>
        <source>Seconds to wait for the program to confirm a push (default 5).</source>
        <translation>プログラムが反映を確認するまで待つ秒数 (既定 5)。</translation>
    </message>
    <message>
        <source>Log in to devices with this key (default: the relay&apos;s).</source>
        <translation>機器へはこの鍵でログインする (既定: 中継サーバーと同じ鍵)。</translation>
    </message>
    <message>
        <source>Store the new key unencrypted (keys generate; not recommended).</source>
        <translation>新しい鍵を暗号化せずに保存する (keys generate。非推奨)。</translation>
    </message>
    <message>
        <source>The new key&apos;s comment (keys generate).</source>
        <translation>新しい鍵のコメント (keys generate)。</translation>
    </message>
    <message>
        <source>Do not forward standard input to the remote command.</source>
        <translation>標準入力をリモートのコマンドに転送しない。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>不明なコマンド &quot;%1&quot; です。</translation>
    </message>
    <message>
        <source>Every registered device (upgrade).</source>
        <translation>登録されているすべての機器 (upgrade)。</translation>
    </message>
    <message>
        <source>Also devices already at this version (upgrade).</source>
        <translation>すでにこのバージョンの機器も対象にする (upgrade)。</translation>
    </message>
    <message>
        <source>Seconds a device gives its new runner to bring the tunnel up before it restores the old one (upgrade; default 90).</source>
        <translation>機器が以前の実行スクリプトに戻すまでに、新しいものがトンネルを張るのを待つ秒数 (upgrade。既定は 90)。</translation>
    </message>
    <message>
        <source>Install this tunnel runner instead of this version&apos;s (upgrade).</source>
        <translation>このバージョンのものの代わりにこのトンネル実行スクリプトを入れる (upgrade)。</translation>
    </message>
    <message>
        <source>Copy folders and what is in them (copy).</source>
        <translation>フォルダーを中身ごとコピーする (copy)。</translation>
    </message>
    <message>
        <source>Give every copied file these octal permissions (copy; default: the source&apos;s).</source>
        <translation>コピーしたすべてのファイルにこの 8 進数の権限を与える (copy。既定: コピー元の権限)。</translation>
    </message>
    <message>
        <source>Listen on this local port (forward; default: the device&apos;s port if free, else any).</source>
        <translation>このローカルポートで待ち受ける (forward。既定: 空いていれば機器と同じポート、なければ任意)。</translation>
    </message>
    <message>
        <source>Listen on this local address (forward; default 127.0.0.1).</source>
        <translation>このローカルアドレスで待ち受ける (forward。既定 127.0.0.1)。</translation>
    </message>
    <message>
        <source>Check every device itself, not only the relay&apos;s view of it (devices; costs each device about 5 KB of data).</source>
        <translation>中継サーバーから見た状態だけでなく、各機器そのものを確認する (devices。機器ごとに約 5 KB の通信量がかかる)。</translation>
    </message>
    <message>
        <source>The longest silence of a cellular tunnel, in seconds: a link that died is noticed within it and a minute (profile; default 1680).</source>
        <translation>セルラーのトンネルが沈黙する最長の秒数: 切れた回線にはこの時間と 1 分以内に気付く (profile。既定 1680)。</translation>
    </message>
    <message>
        <source>How the device keeps its tunnel: cellular (the default: under 1 MB a month idle, a lost link noticed within 30 min) or lan (a lost link noticed within 30 s, about 270 MB a month) (enroll).</source>
        <translation>機器がトンネルを保つ方法: cellular (既定: 待機中は月に 1 MB 未満、回線の切断には 30 分以内に気付く) または lan (回線の切断に 30 秒以内に気付く、月に約 270 MB) (enroll)。</translation>
    </message>
    <message>
        <source>Only what was done to this device (audit).</source>
        <translation>この機器に対する操作だけ (audit)。</translation>
    </message>
    <message>
        <source>Ask the relays this often (watch; default 60).</source>
        <translation>この間隔で中継サーバーに問い合わせる (watch。既定 60)。</translation>
    </message>
    <message>
        <source>How many of the newest lines to show (logs: default 200; audit: 100; health: 24).</source>
        <translation>表示する最新の行数 (logs: 既定は 200、audit: 100、health: 24)。</translation>
    </message>
    <message>
        <source>Commands:
  relay add NAME user@host[:port]|SSH-ALIAS  add a relay
  relay list                                  list relays
  relay remove NAME                           forget a relay
  relay check NAME                            pin its host key, test the login
  relay init NAME                             install or upgrade the relay helper
  devices [--relay NAME] [--probe]            list devices and their status
  enroll ID --lan USER@HOST | --via-tunnel PORT  enrol a device
  adopt RELAY:PORT --id ID                    register a hand-made tunnel
  remove ID                                   revoke a device and free its port
  clear-stale ID                              free a port held by a dead session
  ssh-command ID                              the OpenSSH command for a shell on it
  exec DEVICE|@LABEL|RELAY:PORT... -- COMMAND run a command on devices
  copy [-r] LOCAL... DEVICE:PATH | DEVICE:PATH LOCAL   copy files (DEVICE: id or @LABEL)
  forward DEVICE PORT [--local PORT]          reach a port of the device from here
  logs DEVICE [--lines N]                     why its tunnel failed, and when
  profile DEVICE|@LABEL... cellular|lan       how devices keep their tunnels
  history ID                                  when its tunnel came and went
  health ID [--lines N]                       its temperature, power, load, memory, disk
  upgrade DEVICE|@LABEL...|--all              bring devices&apos; files up to this version
  keys generate|list|export-public|install|rotate|revoke   manage SSH keys
  push TARGET... NAME=VALUE...                change variables of running programs
  overrides DEVICE|reapply|install-module|history   desired vs applied overrides
  audit [--device ID] [--lines N]             what was done to devices, by whom
  watch [--offline-after SECONDS] [--webhook URL]   a line for each alert (alerts.json)
</source>
        <translation>コマンド:
  relay add NAME user@host[:port]|SSH-ALIAS  中継サーバーを追加
  relay list                                  中継サーバーの一覧
  relay remove NAME                           中継サーバーを削除
  relay check NAME                            ホスト鍵を登録しログインを確認
  relay init NAME                             中継ヘルパーをインストール/更新
  devices [--relay NAME] [--probe]            機器とその状態の一覧
  enroll ID --lan USER@HOST | --via-tunnel PORT  機器を登録
  adopt RELAY:PORT --id ID                    手作りのトンネルを登録
  remove ID                                   機器を失効させポートを解放
  clear-stale ID                              切れたセッションが握るポートを解放
  ssh-command ID                              その機器のシェルを開く OpenSSH コマンド
  exec DEVICE|@LABEL|RELAY:PORT... -- COMMAND 機器でコマンドを実行
  copy [-r] LOCAL... DEVICE:PATH | DEVICE:PATH LOCAL   ファイルをコピー (DEVICE: ID か @LABEL)
  forward DEVICE PORT [--local PORT]          機器のポートにこのコンピューターから接続
  logs DEVICE [--lines N]                     トンネルが切れた理由とその時刻
  profile DEVICE|@LABEL... cellular|lan       機器がトンネルを保つ方法
  history ID                                  トンネルの接続と切断の記録
  health ID [--lines N]                       温度、電源、負荷、メモリ、ディスク
  upgrade DEVICE|@LABEL...|--all              機器のファイルをこのバージョンに更新
  keys generate|list|export-public|install|rotate|revoke   SSH 鍵の管理
  push TARGET... NAME=VALUE...                実行中のプログラムの変数を変更
  overrides DEVICE|reapply|install-module|history   指定値と適用値の比較
  audit [--device ID] [--lines N]             機器に対して誰が何をしたか
  watch [--offline-after SECONDS] [--webhook URL]   通知ごとに 1 行 (alerts.json)
</translation>
    </message>
    <message>
        <source>Tell a device unreachable for this long, whatever its labels (watch; default: the alert settings, 600).</source>
        <translation>この時間つながらない機器を、ラベルにかかわらず知らせる (watch。既定は通知の設定、600)。</translation>
    </message>
    <message>
        <source>Also post each alert to this URL as JSON (watch; default: the alert settings&apos; webhook).</source>
        <translation>各通知をこの URL にも JSON で送る (watch。既定は通知の設定の Webhook)。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::CopyCommand</name>
    <message>
        <source>Usage: copy [-r] [--mode OCTAL] LOCAL... DEVICE:PATH
       copy [-r] [--mode OCTAL] DEVICE:PATH LOCAL
DEVICE is a device id or @LABEL; PATH is relative to the login folder unless it starts with /.</source>
        <translation>使い方: copy [-r] [--mode OCTAL] LOCAL... DEVICE:PATH
        copy [-r] [--mode OCTAL] DEVICE:PATH LOCAL
DEVICE は機器 ID か @LABEL。PATH は / で始まらない限りログインフォルダーからの相対パスです。</translation>
    </message>
    <message>
        <source>Copy either local files to one DEVICE:PATH, or one DEVICE:PATH to a local path.</source>
        <translation>ローカルのファイルを 1 つの DEVICE:PATH へ、または 1 つの DEVICE:PATH をローカルのパスへコピーしてください。</translation>
    </message>
    <message>
        <source>--mode takes octal permission bits such as 644 or 0755.</source>
        <translation>--mode には 644 や 0755 のような 8 進数の権限を指定します。</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: 失敗 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: copied %n file(s), %2, to %3</source>
        <translation>
            <numerusform>%1: %n 個のファイル (%2) を %3 にコピーしました</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1: %2 を飛ばしました</translation>
    </message>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; に一致する機器はありません。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::DeviceCommands</name>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; は有効な機器 ID ではありません。</translation>
    </message>
    <message>
        <source>No relay has a device &quot;%1&quot;.</source>
        <translation>機器 &quot;%1&quot; を持つ中継サーバーがありません。</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>未確認: %1</translation>
    </message>
    <message>
        <source>Usage: adopt RELAY:PORT --id ID [--name NAME] [--label LABEL]...</source>
        <translation>使い方: adopt RELAY:PORT --id ID [--name NAME] [--label LABEL]...</translation>
    </message>
    <message>
        <source>Usage: adopt RELAY:PORT --id ID</source>
        <translation>使い方: adopt RELAY:PORT --id ID</translation>
    </message>
    <message>
        <source>Adopted %1 on %2 (host key %3).</source>
        <translation>%2 の %1 を登録しました (ホスト鍵 %3)。</translation>
    </message>
    <message>
        <source>Usage: remove ID [--relay NAME]</source>
        <translation>使い方: remove ID [--relay NAME]</translation>
    </message>
    <message>
        <source>Removed %1: its relay key is revoked and port %2 is free.</source>
        <translation>%1 を削除しました。中継サーバーの鍵は失効し、ポート %2 は空きました。</translation>
    </message>
    <message>
        <source>Usage: clear-stale ID [--relay NAME]</source>
        <translation>使い方: clear-stale ID [--relay NAME]</translation>
    </message>
    <message>
        <source>Port %1 on relay %2 is free again.</source>
        <translation>中継サーバー %2 のポート %1 が再び空きました。</translation>
    </message>
    <message>
        <source>Usage: ssh-command ID [--user USER]</source>
        <translation>使い方: ssh-command ID [--user USER]</translation>
    </message>
    <message>
        <source>%1 is not registered on relay %2; any relay key and port reservation it had there are removed.</source>
        <translation>%1 はリレー %2 に登録されていません。そこに残っていたリレー鍵とポートの予約はすべて削除しました。</translation>
    </message>
    <message>
        <source>Usage: history ID [--relay NAME] [--json]</source>
        <translation>使い方: history ID [--relay NAME] [--json]</translation>
    </message>
    <message>
        <source>Relay %1 has recorded no tunnel of %2 yet.</source>
        <translation>中継サーバー %1 には %2 のトンネルの記録がまだありません。</translation>
    </message>
    <message>
        <source>offline %1 → %2 (%3 s)</source>
        <translation>オフライン %1 → %2 (%3 秒)</translation>
    </message>
    <message>
        <source>offline since %1</source>
        <translation>%1 からオフライン</translation>
    </message>
    <message>
        <source>tunnel up since %1</source>
        <translation>%1 からトンネル接続中</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message numerus="yes">
        <source># data this month: %1 by the tunnels of %n device(s) that reported it</source>
        <translation>
            <numerusform># 今月の通信量: 報告のあった %n 台の機器のトンネルで %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: health ID [--relay NAME] [--lines N] [--json]</source>
        <translation>使い方: health ID [--relay NAME] [--lines N] [--json]</translation>
    </message>
    <message>
        <source>--lines takes a number from 1 to 1000.</source>
        <translation>--lines には 1 から 1000 までの数を指定します。</translation>
    </message>
    <message>
        <source>%1 has not reported its health yet (it reports hourly from version 6 of its files: `relayfleet-cli upgrade %1`).</source>
        <translation>%1 はまだ状態を報告していません (機器のファイルのバージョン 6 から 1 時間ごとに報告します: `relayfleet-cli upgrade %1`)。</translation>
    </message>
    <message>
        <source>time                 °C     load  mem%  disk%  throttled</source>
        <translation>時刻                 °C     負荷  メモリ% ディスク% 性能制限</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>システム: %1</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::EnrolCommand</name>
    <message>
        <source>Several relays are configured: say which with --relay NAME.</source>
        <translation>複数の中継サーバーが設定されています。--relay NAME で指定してください。</translation>
    </message>
    <message>
        <source>Say which public key to install on the device with --public-key FILE.</source>
        <translation>機器にインストールする公開鍵を --public-key FILE で指定してください。</translation>
    </message>
    <message>
        <source>Cannot read the public key %1.</source>
        <translation>公開鍵 %1 を読めません。</translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and was undone: %2</source>
        <translation>%1 の登録に失敗したため、元に戻しました: %2</translation>
    </message>
    <message>
        <source>Enrolled %1 on relay %2, port %3. %4</source>
        <translation>%1 を中継サーバー %2 のポート %3 に登録しました。%4</translation>
    </message>
    <message>
        <source>Usage: enroll ID [--relay NAME] (--lan USER@HOST[:PORT] | --via-tunnel PORT) [--user USER] [--name NAME] [--label LABEL]... [--port PORT] [--relay-address HOST[:PORT]] [--public-key FILE]</source>
        <translation>使い方: enroll ID [--relay NAME] (--lan USER@HOST[:PORT] | --via-tunnel PORT) [--user USER] [--name NAME] [--label LABEL]... [--port PORT] [--relay-address HOST[:PORT]] [--public-key FILE]</translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and could not be fully undone: %2</source>
        <translation>%1 の登録に失敗し、すべてを元に戻すことはできませんでした: %2</translation>
    </message>
    <message>
        <source>--device-ssh-port takes a port from 1 to 65535.</source>
        <translation>--device-ssh-port には 1 から 65535 までのポートを指定してください。</translation>
    </message>
    <message>
        <source>--profile takes cellular or lan.</source>
        <translation>--profile には cellular か lan を指定します。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::ExecCommand</name>
    <message>
        <source>&quot;%1&quot; is not RELAY:PORT with a port from 1 to 65535.</source>
        <translation>&quot;%1&quot; は RELAY:PORT (ポートは 1〜65535) の形ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id (a-z, 0-9 and &apos;-&apos;, at most 63, starting with a letter or digit).</source>
        <translation>&quot;%1&quot; は有効な機器 ID ではありません (a-z、0-9、&apos;-&apos;、63 文字まで、先頭は英字か数字)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a device id nor RELAY:PORT.</source>
        <translation>&quot;%1&quot; は機器 ID でも RELAY:PORT でもありません。</translation>
    </message>
    <message>
        <source>Usage: exec DEVICE|@LABEL|RELAY:PORT... [--user USER] [--identity FILE] -- COMMAND...</source>
        <translation>使い方: exec DEVICE|@LABEL|RELAY:PORT... [--user USER] [--identity FILE] -- COMMAND...</translation>
    </message>
    <message>
        <source>Usage: exec DEVICE|RELAY:PORT [--user USER] [--identity FILE] -- COMMAND...</source>
        <translation>使い方: exec DEVICE|RELAY:PORT [--user USER] [--identity FILE] -- COMMAND...</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>終了コード %1</translation>
    </message>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; に一致する機器はありません。</translation>
    </message>
    <message>
        <source>Usage: logs DEVICE [--lines N] [--user USER]</source>
        <translation>使い方: logs DEVICE [--lines N] [--user USER]</translation>
    </message>
    <message>
        <source>--lines takes a number from 1 to 100000.</source>
        <translation>--lines には 1 から 100000 までの数を指定してください。</translation>
    </message>
    <message>
        <source>This device keeps no tunnel log yet: its tunnel runner is older than this version, or it never ran.</source>
        <translation>この機器にはまだトンネルのログがありません: トンネル実行スクリプトがこのバージョンより古いか、一度も実行されていません。</translation>
    </message>
    <message>
        <source>Usage: profile DEVICE|@LABEL... cellular|lan [--keepalive-max SECONDS]</source>
        <translation>使い方: profile DEVICE|@LABEL... cellular|lan [--keepalive-max SECONDS]</translation>
    </message>
    <message>
        <source>--keepalive-max takes seconds from %1 to %2, with cellular.</source>
        <translation>--keepalive-max には cellular とともに %1 から %2 までの秒数を指定します。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::ForwardCommand</name>
    <message>
        <source>Usage: forward DEVICE PORT [--local PORT] [--bind ADDRESS]
Listens on ADDRESS:PORT here (127.0.0.1 unless --bind says otherwise) and carries each connection to 127.0.0.1:PORT on the device.</source>
        <translation>使い方: forward DEVICE PORT [--local PORT] [--bind ADDRESS]
このコンピューターの ADDRESS:PORT (--bind がなければ 127.0.0.1) で待ち受け、各接続を機器の 127.0.0.1:PORT へ運びます。</translation>
    </message>
    <message>
        <source>--local takes a port number (0 for any).</source>
        <translation>--local にはポート番号を指定します (0 は任意)。</translation>
    </message>
    <message>
        <source>Forwarding %1 to port %2 of %3 (through relay %4). Ctrl+C ends it.</source>
        <translation>%1 を %3 のポート %2 へ転送しています (中継サーバー %4 経由)。Ctrl+C で終了します。</translation>
    </message>
    <message numerus="yes">
        <source>Forward ended after %n connection(s).</source>
        <translation>
            <numerusform>%n 件の接続のあと転送を終了しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::KeysCommand</name>
    <message>
        <source>%1 The key will be protected by a passphrase you choose instead (or pass --no-passphrase to store it unencrypted).</source>
        <translation>%1 代わりに、選んだパスフレーズで鍵を保護します (暗号化せずに保存するには --no-passphrase を指定)。</translation>
    </message>
    <message>
        <source>No terminal to ask for a passphrase.</source>
        <translation>パスフレーズを尋ねる端末がありません。</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新しいパスフレーズ: </translation>
    </message>
    <message>
        <source>Same passphrase again: </source>
        <translation>もう一度同じパスフレーズ: </translation>
    </message>
    <message>
        <source>Generated %1 (%2), private key %3, protected by: %4.</source>
        <translation>%1 (%2) を生成しました。秘密鍵 %3、保護: %4。</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>未インストール</translation>
    </message>
    <message>
        <source>Key %1 is not known to be installed anywhere; name the targets.</source>
        <translation>鍵 %1 のインストール先が分かりません。対象を指定してください。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>No relay or device matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; に一致する中継サーバーも機器もありません。</translation>
    </message>
    <message>
        <source>Usage: keys generate NAME [--no-passphrase] | keys list | keys export-public NAME | keys install NAME TARGET... | keys rotate OLD NEW TARGET... | keys revoke NAME TARGET...   (TARGET: a relay name, a device id, @LABEL or RELAY:PORT)</source>
        <translation>使い方: keys generate NAME [--no-passphrase] | keys list | keys export-public NAME | keys install NAME TARGET... | keys rotate OLD NEW TARGET... | keys revoke NAME TARGET...   (TARGET: a relay name, a device id, @LABEL or RELAY:PORT)</translation>
    </message>
    <message>
        <source>Relay %1: cannot read its registry: %2</source>
        <translation>中継サーバー %1: 登録簿を読み込めません: %2</translation>
    </message>
    <message>
        <source>Relay %1 now takes only key %2, but the relay list could not be updated (%3): run `relay add %1 ... --identity %4`.</source>
        <translation>中継サーバー %1 は鍵 %2 しか受け付けなくなりましたが、中継サーバーの一覧を更新できませんでした (%3)。`relay add %1 ... --identity %4` を実行してください。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::OverridesCommand</name>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; に一致する機器はありません。</translation>
    </message>
    <message>
        <source>installed in ~/.relayfleet/python</source>
        <translation>~/.relayfleet/python にインストールしました</translation>
    </message>
    <message>
        <source>Usage: push TARGET... NAME=VALUE... [--fifo PATH] [--wait SECONDS] | overrides DEVICE | overrides reapply [TARGET...] | overrides install-module TARGET... | overrides history   (VALUE is JSON: 2.5, &apos;&quot;text&quot;&apos;, true, null)</source>
        <translation>使い方: push TARGET... NAME=VALUE... [--fifo PATH] [--wait SECONDS] | overrides DEVICE | overrides reapply [TARGET...] | overrides install-module TARGET... | overrides history   (VALUE is JSON: 2.5, &apos;&quot;text&quot;&apos;, true, null)</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <source>written, not confirmed in time</source>
        <translation>書き込み済み (時間内に適用を確認できず)</translation>
    </message>
    <message>
        <source>FAILED: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>%1 rejected (%2)</source>
        <translation>%1 は拒否されました（%2）</translation>
    </message>
    <message>
        <source>NOT APPLIED: %1</source>
        <translation>未適用: %1</translation>
    </message>
    <message>
        <source>warning: the push is not in the history: %1</source>
        <translation>警告: このプッシュは履歴に記録されていません: %1</translation>
    </message>
    <message>
        <source>(the relay&apos;s registry does not record it: %1)</source>
        <translation>（中継サーバーの登録簿には記録されていません: %1）</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::RelayCommand</name>
    <message>
        <source>Added relay %1 (%2). Run `relayfleet-cli relay check %1` to pin its host key and test the login.</source>
        <translation>中継サーバー %1 (%2) を追加しました。`relayfleet-cli relay check %1` でホスト鍵を登録し、ログインを確認してください。</translation>
    </message>
    <message>
        <source>No relays yet. Add one with `relayfleet-cli relay add NAME user@host[:port]`.</source>
        <translation>中継サーバーはまだありません。`relayfleet-cli relay add NAME user@host[:port]` で追加してください。</translation>
    </message>
    <message>
        <source>Usage: relay remove NAME</source>
        <translation>使い方: relay remove NAME</translation>
    </message>
    <message>
        <source>Usage: relay init NAME</source>
        <translation>使い方: relay init NAME</translation>
    </message>
    <message>
        <source>Relay %1 is ready: helper version %2 in ~/.relayfleet.</source>
        <translation>中継サーバー %1 の準備ができました (~/.relayfleet のヘルパー バージョン %2)。</translation>
    </message>
    <message>
        <source>Usage: relay check NAME</source>
        <translation>使い方: relay check NAME</translation>
    </message>
    <message>
        <source>Relay %1 is reachable and accepted the login.</source>
        <translation>中継サーバー %1 に接続でき、ログインできました。</translation>
    </message>
    <message>
        <source>Usage: relay add NAME user@host[:port] | relay list | relay remove NAME | relay check NAME | relay init NAME</source>
        <translation>使い方: relay add NAME user@host[:port] | relay list | relay remove NAME | relay check NAME | relay init NAME</translation>
    </message>
    <message>
        <source>Usage: relay add NAME user@host[:port]|SSH-CONFIG-ALIAS [--identity FILE] [--ssh-config FILE] [--accept-new-host-key]</source>
        <translation>使い方: relay add NAME user@host[:port]|SSH-CONFIG-ALIAS [--identity FILE] [--ssh-config FILE] [--accept-new-host-key]</translation>
    </message>
    <message>
        <source>Added relay %1 (%2).</source>
        <translation>中継サーバー %1（%2）を追加しました。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::TargetResolver</name>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; に一致する機器はありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names %2 devices; name one.</source>
        <translation>&quot;%1&quot; は %2 台の機器を指しています。1 台を指定してください。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::TransferProgress</name>
    <message>
        <source>Copying: %1 of %2, %3/s</source>
        <translation>コピー中: %2 中 %1、%3/秒</translation>
    </message>
    <message>
        <source>, %1 s left</source>
        <translation>、残り %1 秒</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::UpgradeCommand</name>
    <message>
        <source>Usage: upgrade DEVICE|@LABEL... | --all [--watchdog SECONDS] [--runner FILE] [--force] [--json]</source>
        <translation>使い方: upgrade DEVICE|@LABEL... | --all [--watchdog SECONDS] [--runner FILE] [--force] [--json]</translation>
    </message>
    <message>
        <source>--watchdog takes seconds from 20 to 3600.</source>
        <translation>--watchdog には 20 から 3600 までの秒数を指定してください。</translation>
    </message>
    <message>
        <source>Cannot read the runner %1 (at most 1 MiB).</source>
        <translation>実行スクリプト %1 を読めません (最大 1 MiB)。</translation>
    </message>
    <message numerus="yes">
        <source>Upgrading %n device(s) on relay %1; each watches its new runner for up to %2 s…</source>
        <translation>
            <numerusform>中継サーバー %1 の %n 台の機器を更新しています。各機器は新しい実行スクリプトを最大 %2 秒見守ります…</numerusform>
        </translation>
    </message>
    <message>
        <source>No device matches &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; に一致する機器はありません。</translation>
    </message>
</context>
<context>
    <name>relayfleet::cli::WatchCommand</name>
    <message>
        <source>relay %1 cannot be reached: %2</source>
        <translation>中継サーバー %1 に接続できません: %2</translation>
    </message>
    <message>
        <source>relay %1 cannot be read: %2</source>
        <translation>中継サーバー %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>Usage: watch [--relay NAME] [--offline-after SECONDS] [--webhook URL] [--every SECONDS] [--json]
--every takes %1 to %2 seconds, --offline-after 0 to %2.</source>
        <translation>使い方: watch [--relay NAME] [--offline-after SECONDS] [--webhook URL] [--every SECONDS] [--json]
--every には %1 から %2 秒、--offline-after には 0 から %2 秒を指定します。</translation>
    </message>
    <message>
        <source>the webhook did not take the alert of %1: %2</source>
        <translation>Webhook は %1 の通知を受け付けませんでした: %2</translation>
    </message>
    <message>
        <source>a device unreachable for %1 s is told</source>
        <translation>%1 秒つながらない機器を知らせます</translation>
    </message>
    <message>
        <source>an unreachable device is not told</source>
        <translation>つながらない機器は知らせません</translation>
    </message>
    <message numerus="yes">
        <source> (%n label(s) have their own limit)</source>
        <translation>
            <numerusform> (%n 個のラベルに独自の時間があります)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %n relay(s) every %1 s; %2%3. Ctrl+C ends it.</source>
        <translation>
            <numerusform>%n 台の中継サーバーを %1 秒ごとに監視します。%2%3。Ctrl+C で終了します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AdoptDialog</name>
    <message>
        <source>Adopt a hand-made tunnel</source>
        <translation>手作りのトンネルを取り込む</translation>
    </message>
    <message>
        <source>The tunnel on %1:%2 answers with host key %3. Adopting registers it as a device and pins that key under the device&apos;s id.</source>
        <translation>%1:%2 のトンネルはホスト鍵 %3 で応答しています。取り込むとデバイスとして登録し、その鍵をデバイス ID に固定します。</translation>
    </message>
    <message>
        <source>(not read yet)</source>
        <translation>（未取得）</translation>
    </message>
    <message>
        <source>kitchen-pi</source>
        <translation>kitchen-pi</translation>
    </message>
    <message>
        <source>sensors, home</source>
        <translation>sensors, home</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>デバイス ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Login user</source>
        <translation>ログインユーザー</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>An id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit.</source>
        <translation>ID は英小文字・数字・ハイフンの1〜63文字で、英小文字か数字で始まります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid label.</source>
        <translation>「%1」はラベルとして使えません。</translation>
    </message>
    <message>
        <source>Adopting…</source>
        <translation>取り込み中…</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AlertNotifier</name>
    <message>
        <source>Show Relay Fleet</source>
        <translation>Relay Fleet を表示</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Relay Fleet</source>
        <translation>Relay Fleet</translation>
    </message>
    <message>
        <source>Device unreachable</source>
        <translation>機器に接続できません</translation>
    </message>
    <message>
        <source>Device back online</source>
        <translation>機器が復帰しました</translation>
    </message>
    <message>
        <source>Device health</source>
        <translation>機器の状態</translation>
    </message>
    <message>
        <source>Device disk almost full</source>
        <translation>機器のディスクがほぼ満杯</translation>
    </message>
    <message>
        <source>Device running hot</source>
        <translation>機器が高温</translation>
    </message>
    <message>
        <source>Device power too weak</source>
        <translation>機器の電源が弱すぎます</translation>
    </message>
    <message>
        <source>The webhook did not take the alert of %1: %2</source>
        <translation>Webhook は %1 の通知を受け付けませんでした: %2</translation>
    </message>
    <message>
        <source>told; webhook: %1</source>
        <translation>通知済み。Webhook: %1</translation>
    </message>
    <message>
        <source>told; the webhook failed: %1</source>
        <translation>通知済み。Webhook は失敗: %1</translation>
    </message>
    <message>
        <source>told</source>
        <translation>通知済み</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AlertSettingsDialog</name>
    <message>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Tell me when a device is unreachable for:</source>
        <translation>機器がつながらないときに知らせるまでの時間:</translation>
    </message>
    <message>
        <source>Labels with a limit of their own (the shortest of a device&apos;s labels wins):</source>
        <translation>独自の時間を持つラベル (機器のラベルのうち最も短いものが使われます):</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Unreachable for</source>
        <translation>つながらない時間</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>ラベルを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Tell me when a device&apos;s health report says:</source>
        <translation>機器の状態の報告がこうなったら知らせる:</translation>
    </message>
    <message>
        <source> % free</source>
        <translation> % 空き</translation>
    </message>
    <message>
        <source>Its disk has less than:</source>
        <translation>ディスクの空きがこれ未満:</translation>
    </message>
    <message>
        <source> °C</source>
        <translation> °C</translation>
    </message>
    <message>
        <source>Its CPU is hotter than:</source>
        <translation>CPU 温度がこれを超える:</translation>
    </message>
    <message>
        <source>Its power supply is too weak (under-voltage)</source>
        <translation>電源が弱すぎる (電圧不足)</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/… (optional)</source>
        <translation>https://hooks.slack.com/services/… (任意)</translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation>テスト送信</translation>
    </message>
    <message>
        <source>Also post each alert to:</source>
        <translation>各通知をここにも送る:</translation>
    </message>
    <message>
        <source>The webhook took the test: %1.</source>
        <translation>Webhook はテストを受け付けました: %1。</translation>
    </message>
    <message>
        <source>The test did not arrive: %1.</source>
        <translation>テストは届きませんでした: %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label: small letters, digits, - and _, up to 32.</source>
        <translation>&quot;%1&quot; はラベルではありません: 小文字、数字、- と _ で 32 文字まで。</translation>
    </message>
    <message>
        <source>The label &quot;%1&quot; is listed twice.</source>
        <translation>ラベル &quot;%1&quot; が 2 回あります。</translation>
    </message>
    <message>
        <source>Type the webhook&apos;s address first.</source>
        <translation>先に Webhook のアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>機器:</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>すべての機器</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>By</source>
        <translation>実行元</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) shown, newest first; the log is %1.</source>
        <translation>
            <numerusform>%n 件の操作を新しい順に表示しています。ログは %1 です。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::DemoLab</name>
    <message>
        <source>The demo lab did not start within two minutes.</source>
        <translation>デモラボが2分以内に起動しませんでした。</translation>
    </message>
    <message>
        <source>The demo lab stopped: %1</source>
        <translation>デモラボが停止しました: %1</translation>
    </message>
    <message>
        <source>The demo lab could not be started: %1</source>
        <translation>デモラボを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>The demo lab is not part of this installation (rflab-demo was not found).</source>
        <translation>このインストールにはデモラボが含まれていません（rflab-demo が見つかりません）。</translation>
    </message>
    <message>
        <source>No temporary directory for the demo lab.</source>
        <translation>デモラボ用の一時ディレクトリを作れません。</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::DeviceDetailsPane</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Relay port</source>
        <translation>中継ポート</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>ホスト鍵</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>機器が選択されていません</translation>
    </message>
    <message>
        <source>Hand-made tunnel</source>
        <translation>手作りのトンネル</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Tunnel key</source>
        <translation>トンネル鍵</translation>
    </message>
    <message>
        <source>Desired overrides</source>
        <translation>設定したい値</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>最後の送信</translation>
    </message>
    <message>
        <source>none (hand-made or adopted tunnel)</source>
        <translation>なし（手作りまたは取り込んだトンネル）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1: applied</source>
        <translation>%1: 適用済み</translation>
    </message>
    <message>
        <source>%1: not applied (%2)</source>
        <translation>%1: 未適用（%2）</translation>
    </message>
    <message>
        <source>its heartbeat</source>
        <translation>デバイスのハートビート</translation>
    </message>
    <message>
        <source>it answered the app</source>
        <translation>アプリの確認に応答</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Device files</source>
        <translation>機器のファイル</translation>
    </message>
    <message>
        <source>none (not enrolled by Relay Fleet)</source>
        <translation>なし (Relay Fleet で登録されていません)</translation>
    </message>
    <message>
        <source>Last outage</source>
        <translation>最後の切断</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%2 から%1</translation>
    </message>
    <message>
        <source>%1 – %2 (%3 min)</source>
        <translation>%1 – %2 (%3 分)</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>Open ports</source>
        <translation>開いているポート</translation>
    </message>
    <message>
        <source>%1 → &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; (&lt;a href=&quot;close:%1&quot;&gt;close&lt;/a&gt;)</source>
        <translation>%1 → &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; (&lt;a href=&quot;close:%1&quot;&gt;閉じる&lt;/a&gt;)</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>runner %1</source>
        <translation>ランナー %1</translation>
    </message>
    <message>
        <source>key helper %1</source>
        <translation>鍵ヘルパー %1</translation>
    </message>
    <message>
        <source>overrides module %1</source>
        <translation>上書きモジュール %1</translation>
    </message>
    <message>
        <source>%1 — older than this app&apos;s %2: Device → Upgrade device files…, or relayfleet-cli upgrade %3</source>
        <translation>%1 — このアプリの %2 より古い: デバイス → 機器のファイルを更新…、または relayfleet-cli upgrade %3</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1（最新）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>通信量</translation>
    </message>
    <message>
        <source>not checked (View → Check devices)</source>
        <translation>未確認 (表示 → 機器を確認)</translation>
    </message>
    <message>
        <source>not reported (a hand-made tunnel)</source>
        <translation>報告なし (手作りのトンネル)</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Reading its health reports from the relay…</source>
        <translation>中継サーバーから状態の記録を読み込んでいます…</translation>
    </message>
    <message>
        <source>%1 — %2 (reported %3)</source>
        <translation>%1 — %2 (%3 に報告)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未報告</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::EnrolWizard</name>
    <message>
        <source>Enrol a device</source>
        <translation>デバイスを登録</translation>
    </message>
    <message>
        <source>The device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>It must be reachable once: on your network, or through a tunnel someone made by hand.</source>
        <translation>一度だけ接続できる必要があります。同じネットワーク上か、手作りのトンネル経由です。</translation>
    </message>
    <message>
        <source>kitchen-pi</source>
        <translation>kitchen-pi</translation>
    </message>
    <message>
        <source>sensors, home</source>
        <translation>sensors, home</translation>
    </message>
    <message>
        <source>On the LAN at</source>
        <translation>LAN 上のアドレス</translation>
    </message>
    <message>
        <source>192.168.1.20 or raspberrypi.local:22</source>
        <translation>192.168.1.20 または raspberrypi.local:22</translation>
    </message>
    <message>
        <source>Through the hand-made tunnel</source>
        <translation>手作りのトンネル経由</translation>
    </message>
    <message>
        <source>empty when your key already logs in</source>
        <translation>すでに鍵でログインできるなら空欄</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>デバイス ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Login user</source>
        <translation>ログインユーザー</translation>
    </message>
    <message>
        <source>Device password</source>
        <translation>デバイスのパスワード</translation>
    </message>
    <message>
        <source>Where the device&apos;s own sshd listens, as the device sees it; the tunnel leads there.</source>
        <translation>デバイス自身の sshd が待ち受けるポート（デバイスから見たもの）。トンネルはそこにつながります。</translation>
    </message>
    <message>
        <source>SSH port on the device</source>
        <translation>デバイスの SSH ポート</translation>
    </message>
    <message>
        <source>A device id is 1–63 lower-case letters, digits or dashes, starting with a letter or digit.</source>
        <translation>デバイス ID は英小文字・数字・ハイフンの1〜63文字で、英小文字か数字で始まります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid label.</source>
        <translation>「%1」はラベルとして使えません。</translation>
    </message>
    <message>
        <source>Say which user logs in on the device.</source>
        <translation>デバイスにログインするユーザーを指定してください。</translation>
    </message>
    <message>
        <source>Enter the device&apos;s address on your network.</source>
        <translation>ネットワーク上のデバイスのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Choose a tunnel.</source>
        <translation>トンネルを選んでください。</translation>
    </message>
    <message>
        <source>Relay and key</source>
        <translation>中継サーバーと鍵</translation>
    </message>
    <message>
        <source>The device gets its own tunnel key, made on the device; your key below is installed on it so that you can log in through the relay.</source>
        <translation>デバイスには専用のトンネル鍵をデバイス上で作ります。下で選ぶあなたの鍵はデバイスに登録され、中継サーバー経由でログインできるようになります。</translation>
    </message>
    <message>
        <source>The relay&apos;s key (%1)</source>
        <translation>中継サーバーの鍵（%1）</translation>
    </message>
    <message>
        <source>as Relay Fleet reaches it</source>
        <translation>Relay Fleet からの接続先と同じ</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>中継サーバー</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>あなたの鍵</translation>
    </message>
    <message>
        <source>Relay address seen from the device</source>
        <translation>デバイスから見た中継サーバーのアドレス</translation>
    </message>
    <message>
        <source>No relay is configured yet: set one up first (Set up keys).</source>
        <translation>中継サーバーがまだ設定されていません。先に設定してください（鍵の設定）。</translation>
    </message>
    <message>
        <source>Relay Fleet has no key to install: set up keys first.</source>
        <translation>登録する鍵がありません。先に鍵を設定してください。</translation>
    </message>
    <message>
        <source>Enrolling</source>
        <translation>登録中</translation>
    </message>
    <message>
        <source>Nine steps; if one fails, or you cancel, every step already done is undone.</source>
        <translation>9つの手順です。どこかで失敗するかキャンセルすると、済んだ手順はすべて元に戻します。</translation>
    </message>
    <message>
        <source>Cannot read the public key %1.</source>
        <translation>公開鍵 %1 を読めません。</translation>
    </message>
    <message>
        <source>Logging in to relay %1…</source>
        <translation>中継サーバー %1 にログイン中…</translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and was undone: %2</source>
        <translation>%1 の登録に失敗したため元に戻しました: %2</translation>
    </message>
    <message>
        <source>Enrolled %1 on relay %2, port %3. %4</source>
        <translation>%1 を中継サーバー %2 のポート %3 に登録しました。%4</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登録</translation>
    </message>
    <message>
        <source>Enrolment of %1 failed and could not be fully undone: %2</source>
        <translation>%1 の登録に失敗し、すべてを元に戻すことはできませんでした: %2</translation>
    </message>
    <message>
        <source>How the device keeps its tunnel: what its link costs decides.</source>
        <translation>機器がトンネルを保つ方法: 回線の料金で選びます。</translation>
    </message>
    <message>
        <source>Device&apos;s link</source>
        <translation>機器の回線</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::FileTransferDialog</name>
    <message>
        <source>Upload to %1</source>
        <translation>%1 へアップロード</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>機器:</translation>
    </message>
    <message>
        <source>A folder on the device; ~/ is the login folder. Each file is written under a temporary name and renamed into place when whole.</source>
        <translation>機器上のフォルダー。~/ はログインフォルダーです。各ファイルは一時的な名前で書き込まれ、すべて届いてから本来の名前に変更されます。</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>保存先フォルダー:</translation>
    </message>
    <message>
        <source>Download from %1</source>
        <translation>%1 からダウンロード</translation>
    </message>
    <message>
        <source>~/program.log</source>
        <translation>~/program.log</translation>
    </message>
    <message>
        <source>File on the device:</source>
        <translation>機器上のファイル:</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>アップロード</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Cancelling… (partial files are removed)</source>
        <translation>取り消し中… (途中までのファイルは削除されます)</translation>
    </message>
    <message>
        <source>Name the file on the device.</source>
        <translation>機器上のファイル名を入力してください。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中 %1</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: 失敗 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: copied %n file(s), %2, to %3</source>
        <translation>
            <numerusform>%1: %n 個のファイル (%2) を %3 にコピーしました</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1: %2 を飛ばしました</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Not everything was copied:</source>
        <translation>コピーできなかったものがあります:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::FleetController</name>
    <message>
        <source>No relay configured yet.</source>
        <translation>中継サーバーはまだ設定されていません。</translation>
    </message>
    <message>
        <source>%1 devices and tunnels, refreshed %2</source>
        <translation>機器とトンネル %1 件、%2 に更新</translation>
    </message>
    <message numerus="yes">
        <source>; data this month: %1 by the tunnels of %n device(s) that reported it</source>
        <translation>
            <numerusform>。今月の通信量: 報告のあった %n 台の機器のトンネルで %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every device…</source>
        <translation>すべての機器を確認しています…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <source>%1: not upgraded — %2</source>
        <translation>%1: 更新されていません — %2</translation>
    </message>
    <message>
        <source>Upgrading %1… (the device watches its new runner for up to %2 s)</source>
        <translation>%1 を更新しています… (機器は新しい実行スクリプトを最大 %2 秒見守ります)</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1: the profile was not changed — %2</source>
        <translation>%1: プロファイルは変更されませんでした — %2</translation>
    </message>
    <message>
        <source>Changing how %1 keeps its tunnel…</source>
        <translation>%1 がトンネルを保つ方法を変更しています…</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::HealthChart</name>
    <message>
        <source>No health reports yet.</source>
        <translation>状態の報告はまだありません。</translation>
    </message>
    <message>
        <source>One report so far: the chart starts with the next, in an hour.</source>
        <translation>報告はまだ 1 件です: 次の報告 (1 時間後) からグラフを描きます。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>負荷</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>ディスク空き</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::KeySetupWizard</name>
    <message>
        <source>Set up keys and a relay</source>
        <translation>鍵と中継サーバーの設定</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>あなたの鍵</translation>
    </message>
    <message>
        <source>Relay Fleet logs in with an ed25519 key. Its passphrase is random and kept in the system keychain, so you never type it.</source>
        <translation>Relay Fleet は ed25519 鍵でログインします。パスフレーズはランダムに作ってシステムのキーチェーンに保管するので、入力する必要はありません。</translation>
    </message>
    <message>
        <source>Create a new key</source>
        <translation>新しい鍵を作る</translation>
    </message>
    <message>
        <source>Use a key Relay Fleet already has</source>
        <translation>Relay Fleet にある鍵を使う</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>鍵の名前</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>鍵</translation>
    </message>
    <message>
        <source>Store the new key without a passphrase (only if no keychain works here)</source>
        <translation>新しい鍵をパスフレーズなしで保存する（キーチェーンが使えない場合のみ）</translation>
    </message>
    <message>
        <source>Choose a key.</source>
        <translation>鍵を選んでください。</translation>
    </message>
    <message>
        <source>A key name is letters, digits, dots, dashes or underscores.</source>
        <translation>鍵の名前には英字・数字・ドット・ハイフン・下線が使えます。</translation>
    </message>
    <message>
        <source>There is already a key named %1: choose it below, or another name.</source>
        <translation>%1 という鍵はすでにあります。下で選ぶか、別の名前にしてください。</translation>
    </message>
    <message>
        <source>Your relay server</source>
        <translation>中継サーバー</translation>
    </message>
    <message>
        <source>The server your devices keep their tunnels open to. Plain OpenSSH is enough; no root is needed there.</source>
        <translation>デバイスがトンネルを張り続けるサーバーです。普通の OpenSSH で足り、root 権限は要りません。</translation>
    </message>
    <message>
        <source>user@relay.example.com:22</source>
        <translation>user@relay.example.com:22</translation>
    </message>
    <message>
        <source>Name in Relay Fleet</source>
        <translation>Relay Fleet での名前</translation>
    </message>
    <message>
        <source>Login (user@host[:port])</source>
        <translation>ログイン（user@host[:port]）</translation>
    </message>
    <message>
        <source>A relay name is letters, digits, dashes or underscores.</source>
        <translation>中継サーバーの名前には英字・数字・ハイフン・下線が使えます。</translation>
    </message>
    <message>
        <source>Enter the relay&apos;s login, for example pi@relay.example.com.</source>
        <translation>中継サーバーのログインを入力してください（例: pi@relay.example.com）。</translation>
    </message>
    <message>
        <source>Say which user logs in: user@host.</source>
        <translation>ログインするユーザーを user@host の形で指定してください。</translation>
    </message>
    <message>
        <source>Install the key on the relay</source>
        <translation>中継サーバーに鍵を登録</translation>
    </message>
    <message>
        <source>The key is added to ~/.ssh/authorized_keys on the relay, keeping every other line. The password is used for this one login and never stored.</source>
        <translation>鍵を中継サーバーの ~/.ssh/authorized_keys に追加します（他の行はそのまま残します）。パスワードはこの1回のログインにだけ使い、保存しません。</translation>
    </message>
    <message>
        <source>empty when another key of yours already logs in</source>
        <translation>別の鍵ですでにログインできるなら空欄</translation>
    </message>
    <message>
        <source>Relay password</source>
        <translation>中継サーバーのパスワード</translation>
    </message>
    <message>
        <source>Creating the key %1…</source>
        <translation>鍵 %1 を作成中…</translation>
    </message>
    <message>
        <source>Logging in to %1 and adding the key…</source>
        <translation>%1 にログインして鍵を追加中…</translation>
    </message>
    <message>
        <source>Nothing was installed.</source>
        <translation>何も登録されませんでした。</translation>
    </message>
    <message>
        <source>Saving the relay…</source>
        <translation>中継サーバーを保存中…</translation>
    </message>
    <message>
        <source>Key %1 (%2) is installed on %3.</source>
        <translation>鍵 %1（%2）を %3 に登録しました。</translation>
    </message>
    <message>
        <source>Install key</source>
        <translation>鍵を登録</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Relay Fleet logs in with the new key alone and installs its helper in ~/.relayfleet on the relay.</source>
        <translation>新しい鍵だけでログインできることを確かめ、中継サーバーの ~/.relayfleet に補助スクリプトを入れます。</translation>
    </message>
    <message>
        <source>Logging in with the key alone…</source>
        <translation>鍵だけでログイン中…</translation>
    </message>
    <message>
        <source>Installing the relay helper…</source>
        <translation>中継サーバーの補助スクリプトを導入中…</translation>
    </message>
    <message>
        <source>Relay %1 is ready: the key logs in on its own, helper version %2 is installed. Enrol your first device next.</source>
        <translation>中継サーバー %1 の準備ができました。鍵だけでログインでき、補助スクリプトのバージョン %2 を導入しました。次は最初のデバイスを登録しましょう。</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::MainWindow</name>
    <message>
        <source>Relay Fleet</source>
        <translation>Relay Fleet</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>フリート</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Search devices</source>
        <translation>機器を検索</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>すべてのラベル</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <source>System terminal</source>
        <translation>システムの端末</translation>
    </message>
    <message>
        <source>Copy SSH command</source>
        <translation>SSH コマンドをコピー</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>コピーしました: %1</translation>
    </message>
    <message>
        <source>Select a device first.</source>
        <translation>先に機器を選択してください。</translation>
    </message>
    <message>
        <source>No relay is configured yet. Set up your key and relay, or try everything first against a demo lab on this computer.</source>
        <translation>中継サーバーがまだ設定されていません。鍵と中継サーバーを設定するか、まずこのコンピューター上のデモラボで試してください。</translation>
    </message>
    <message>
        <source>Set up keys and relay…</source>
        <translation>鍵と中継サーバーの設定…</translation>
    </message>
    <message>
        <source>Start the demo lab</source>
        <translation>デモラボを起動</translation>
    </message>
    <message>
        <source>Open a shell on the selected device in a tab (or double-click it)</source>
        <translation>選んだデバイスのシェルをタブで開く（ダブルクリックでも開けます）</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>変数の上書き</translation>
    </message>
    <message>
        <source>Push variable overrides to the selected device, or to the label chosen</source>
        <translation>選んだデバイス、または選んだラベルのデバイスに変数の上書きを送る</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>取り込む…</translation>
    </message>
    <message>
        <source>Register the selected hand-made tunnel as a device</source>
        <translation>選んだ手作りのトンネルをデバイスとして登録する</translation>
    </message>
    <message>
        <source>Enrol device…</source>
        <translation>デバイスを登録…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>デバイス(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>The language changes the next time Relay Fleet starts.</source>
        <translation>言語は次回 Relay Fleet を起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>About Relay Fleet</source>
        <translation>Relay Fleet について</translation>
    </message>
    <message>
        <source>Relay Fleet %1
Devices behind NAT, reached through reverse SSH tunnels on your relay.</source>
        <translation>Relay Fleet %1
NAT の内側にあるデバイスに、あなたの中継サーバー上のリバース SSH トンネルで接続します。</translation>
    </message>
    <message>
        <source>Select a registered device, or choose a label, to edit its overrides.</source>
        <translation>上書きを編集するには、登録済みのデバイスかラベルを選んでください。</translation>
    </message>
    <message>
        <source>Select a hand-made (unregistered) tunnel to adopt.</source>
        <translation>取り込む手作り（未登録）のトンネルを選んでください。</translation>
    </message>
    <message>
        <source>Adopted %1.</source>
        <translation>%1 を取り込みました。</translation>
    </message>
    <message>
        <source>Starting the demo lab: a relay and three devices on this computer…</source>
        <translation>デモラボを起動中: このコンピューター上の中継サーバーと3台のデバイス…</translation>
    </message>
    <message>
        <source>Relay Fleet — demo lab</source>
        <translation>Relay Fleet — デモラボ</translation>
    </message>
    <message>
        <source>The system terminal could not be opened (%1); the command is on the clipboard.</source>
        <translation>システムの端末を開けませんでした（%1）。コマンドはクリップボードにあります。</translation>
    </message>
    <message>
        <source>%1 did not start</source>
        <translation>%1 を起動できませんでした</translation>
    </message>
    <message>
        <source>%1 exited with status %2</source>
        <translation>%1 が終了ステータス %2 で終了しました</translation>
    </message>
    <message>
        <source>Upgrade device files…</source>
        <translation>機器のファイルを更新…</translation>
    </message>
    <message>
        <source>Bring the selected device&apos;s tunnel runner up to this version; it goes back to the old one by itself if the new one gets no tunnel</source>
        <translation>選択した機器のトンネル実行スクリプトをこのバージョンに更新します。新しいものでトンネルが張れない場合、機器は自ら古いものに戻ります</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Upgrade the Relay Fleet files on %1 to version %2?

Its tunnel restarts: the device tries the new runner and switches to it only once it has a working tunnel; otherwise it goes back to its current runner by itself within %3 s.</source>
        <translation>%1 の Relay Fleet のファイルをバージョン %2 に更新しますか?

トンネルは再起動します: 機器は新しい実行スクリプトを試し、トンネルが動作したときにだけ切り替えます。そうでなければ %3 秒以内に自ら現在の実行スクリプトに戻ります。</translation>
    </message>
    <message>
        <source>Port %1 of %2 is open at %3 (address copied).</source>
        <translation>%2 のポート %1 を %3 で開きました (アドレスをコピーしました)。</translation>
    </message>
    <message>
        <source>Open port</source>
        <translation>ポートを開く</translation>
    </message>
    <message>
        <source>Port %1 of %2 could not be opened here: %3</source>
        <translation>%2 のポート %1 をここで開けませんでした: %3</translation>
    </message>
    <message>
        <source>Upload files…</source>
        <translation>ファイルをアップロード…</translation>
    </message>
    <message>
        <source>Files to upload</source>
        <translation>アップロードするファイル</translation>
    </message>
    <message>
        <source>Copy files to the selected device, or to every device of the label chosen (or drop files on a device)</source>
        <translation>選択した機器、または選んだラベルのすべての機器にファイルをコピーします (機器にファイルをドロップしても可)</translation>
    </message>
    <message>
        <source>Download file…</source>
        <translation>ファイルをダウンロード…</translation>
    </message>
    <message>
        <source>Open port…</source>
        <translation>ポートを開く…</translation>
    </message>
    <message>
        <source>Reach a port of the selected device (a web page, Jupyter, Node-RED) from this computer</source>
        <translation>選択した機器のポート (Web ページ、Jupyter、Node-RED など) にこのコンピューターから接続します</translation>
    </message>
    <message>
        <source>Select a registered device, or choose a label, to upload files to.</source>
        <translation>アップロード先として登録済みの機器を選ぶか、ラベルを選んでください。</translation>
    </message>
    <message>
        <source>Download into folder</source>
        <translation>ダウンロード先のフォルダー</translation>
    </message>
    <message>
        <source>Port on %1 (as the device itself reaches it on 127.0.0.1):</source>
        <translation>%1 のポート (機器自身が 127.0.0.1 で使う番号):</translation>
    </message>
    <message>
        <source>Opening port %1 of %2…</source>
        <translation>%2 のポート %1 を開いています…</translation>
    </message>
    <message>
        <source>Ask the relays how their devices are (costs the devices no data)</source>
        <translation>中継サーバーに機器の状態を問い合わせる (機器の通信量はかかりません)</translation>
    </message>
    <message>
        <source>Check devices</source>
        <translation>機器を確認</translation>
    </message>
    <message>
        <source>Ask every device itself whether it answers (about 5 KB of data each)</source>
        <translation>各機器そのものに応答するか問い合わせる (機器ごとに約 5 KB の通信量)</translation>
    </message>
    <message>
        <source>Device&apos;s link…</source>
        <translation>機器の回線…</translation>
    </message>
    <message>
        <source>Cellular (saves data) or LAN / Wi-Fi (answers faster): how the selected device keeps its tunnel</source>
        <translation>セルラー (通信量を節約) か LAN / Wi-Fi (応答が速い): 選択した機器がトンネルを保つ方法</translation>
    </message>
    <message>
        <source>Device&apos;s link</source>
        <translation>機器の回線</translation>
    </message>
    <message>
        <source>How %1 keeps its tunnel:
%2</source>
        <translation>%1 がトンネルを保つ方法:
%2</translation>
    </message>
    <message>
        <source>Check devices automatically</source>
        <translation>機器を自動で確認</translation>
    </message>
    <message>
        <source>Never (only when asked)</source>
        <translation>しない (求めたときだけ)</translation>
    </message>
    <message numerus="yes">
        <source>Every %n min (about %1 MB a month per device)</source>
        <translation>
            <numerusform>%n 分ごと (機器ごとに月に約 %1 MB)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>監査ログ(&amp;A)…</translation>
    </message>
    <message>
        <source>A&amp;lerts…</source>
        <translation>通知(&amp;L)…</translation>
    </message>
    <message>
        <source>The alert settings cannot be read, the defaults apply: %1</source>
        <translation>通知の設定を読めないため既定値を使います: %1</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::OpenPorts</name>
    <message>
        <source>Another port is being opened; try again in a moment.</source>
        <translation>別のポートを開いているところです。少し待ってからやり直してください。</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::OverridesEditor</name>
    <message>
        <source>Desired values for %1. VALUE is JSON: 2.5, &quot;text&quot;, true, null.</source>
        <translation>%1 に設定したい値。値は JSON です: 2.5、&quot;text&quot;、true、null。</translation>
    </message>
    <message>
        <source>Desired values for label @%1 (%2 devices: %3). VALUE is JSON: 2.5, &quot;text&quot;, true, null.</source>
        <translation>ラベル @%1（%2 台: %3）に設定したい値。値は JSON です: 2.5、&quot;text&quot;、true、null。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Read applied</source>
        <translation>適用値を読む</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Overrides @%1</source>
        <translation>上書き @%1</translation>
    </message>
    <message>
        <source>Overrides %1</source>
        <translation>上書き %1</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
    <message>
        <source>Add at least one NAME and VALUE to push.</source>
        <translation>送信する名前と値を少なくとも1つ追加してください。</translation>
    </message>
    <message>
        <source>Cancelled: applied on %1 of %2 devices.</source>
        <translation>キャンセルしました: %2 台中 %1 台に適用済み。</translation>
    </message>
    <message>
        <source>Applied on %1 of %2 devices.</source>
        <translation>%2 台中 %1 台に適用しました。</translation>
    </message>
    <message numerus="yes">
        <source>Pushing to %n device(s)…</source>
        <translation>
            <numerusform>%n 台に送信中…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 devices have the desired values.</source>
        <translation>%2 台中 %1 台が設定したい値になっています。</translation>
    </message>
    <message>
        <source>Reading the applied values…</source>
        <translation>適用済みの値を読んでいます…</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <source>written, not confirmed in time</source>
        <translation>書き込み済み（時間内に確認できず）</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>as desired</source>
        <translation>希望どおり</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>ずれ</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>未適用</translation>
    </message>
    <message>
        <source>not desired</source>
        <translation>指定外</translation>
    </message>
    <message>
        <source>%1: desired %2, applied %3</source>
        <translation>%1: 希望 %2、適用 %3</translation>
    </message>
    <message>
        <source>nothing desired</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 rejected (%2)</source>
        <translation>%1 は拒否されました（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rejected by the program: %1</source>
        <translation>プログラムが拒否しました: %1</translation>
    </message>
    <message>
        <source>%1 (%2, now %3)</source>
        <translation>%1（%2、現在 %3）</translation>
    </message>
    <message>
        <source>The program takes: %1</source>
        <translation>プログラムが受け付ける変数: %1</translation>
    </message>
    <message>
        <source>The push is not in the history: %1</source>
        <translation>このプッシュは履歴に記録されていません: %1</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::TaskWizardPage</name>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗しました: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>もう一度</translation>
    </message>
</context>
<context>
    <name>relayfleet::gui::TerminalTab</name>
    <message>
        <source>Reconnect</source>
        <translation>再接続</translation>
    </message>
    <message>
        <source>The shell has ended.</source>
        <translation>シェルが終了しました。</translation>
    </message>
    <message>
        <source>The connection dropped: %1</source>
        <translation>接続が切れました: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
</context>
</TS>
