<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnalysisRunner</name>
    <message>
        <source>正在更新搜索索引 {done}/{total}</source>
        <translation>Updating the search index {done}/{total}</translation>
    </message>
    <message>
        <source>正在分析关键词 {done}/{total}</source>
        <translation>Analysing keywords {done}/{total}</translation>
    </message>
    <message numerus="yes">
        <source>已分析 %n 篇文章</source>
        <translation>
            <numerusform>Analysed %n article</numerusform>
            <numerusform>Analysed %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>W3C 批注 JSON (*.json)</source>
        <translation>W3C annotation JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>AnnotationBrowser</name>
    <message>
        <source>全部批注</source>
        <translation>All Notes</translation>
    </message>
    <message>
        <source>搜索摘录和批注</source>
        <translation>Search quotes and notes</translation>
    </message>
    <message>
        <source>只看未能定位的</source>
        <translation>Only those not found</translation>
    </message>
    <message>
        <source>打开文章</source>
        <translation>Open Article</translation>
    </message>
    <message>
        <source>全部颜色</source>
        <translation>All colours</translation>
    </message>
    <message>
        <source>{} 条</source>
        <translation>{} shown</translation>
    </message>
    <message>
        <source>全部文章</source>
        <translation>All Articles</translation>
    </message>
</context>
<context>
    <name>AnnotationDelegate</name>
    <message>
        <source>未能定位</source>
        <translation>not found</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <source>原文已改动，找不到这段文字了；引文保留在这里。</source>
        <translation>The original text has changed and this passage is no longer in it; the quote is kept here.</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>选中文字后按 1–4 高亮，或右键选择颜色、添加批注。</source>
        <translation>Select text and press 1–4 to highlight it, or right-click to pick a colour or add a note.</translation>
    </message>
    <message>
        <source>批注…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>全部批注…</source>
        <translation>All Notes…</translation>
    </message>
    <message>
        <source>颜色含义…</source>
        <translation>Colour Meanings…</translation>
    </message>
    <message>
        <source>本文 {} 处高亮</source>
        <translation>Highlights in this article: {}</translation>
    </message>
    <message>
        <source>（{} 处未能定位）</source>
        <translation> (not found: {})</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>Go To</translation>
    </message>
    <message>
        <source>编辑批注…</source>
        <translation>Edit Note…</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>Change To</translation>
    </message>
    <message>
        <source>复制链接</source>
        <translation>Copy Link</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>Delete Highlight</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>摘录</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Modified</translation>
    </message>
</context>
<context>
    <name>AnnotationUI</name>
    <message>
        <source>批注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>添加批注(&amp;N)…</source>
        <translation>Add &amp;Note…</translation>
    </message>
    <message>
        <source>删除高亮(&amp;D)</source>
        <translation>&amp;Delete Highlight</translation>
    </message>
    <message>
        <source>全部批注(&amp;B)…</source>
        <translation>&amp;Browse All Notes…</translation>
    </message>
    <message>
        <source>导出批注(&amp;X)…</source>
        <translation>E&amp;xport Notes…</translation>
    </message>
    <message>
        <source>导入批注(&amp;M)…</source>
        <translation>I&amp;mport Notes…</translation>
    </message>
    <message>
        <source>打开链接(&amp;L)…</source>
        <translation>Open &amp;Link…</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>批注面板</source>
        <translation>Notes Panel</translation>
    </message>
    <message>
        <source>高亮为「{}」</source>
        <translation>Highlight as “{}”</translation>
    </message>
    <message>
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <source>编辑批注…</source>
        <translation>Edit Note…</translation>
    </message>
    <message>
        <source>改为</source>
        <translation>Change To</translation>
    </message>
    <message>
        <source>复制链接</source>
        <translation>Copy Link</translation>
    </message>
    <message>
        <source>删除高亮</source>
        <translation>Delete Highlight</translation>
    </message>
    <message>
        <source>每种颜色代表什么由你决定；改名后菜单、批注面板和导出都用新名字。按 1–4 高亮。</source>
        <translation>You decide what each colour means; a new name is used in the menus, the notes panel and exports. Press 1–4 to highlight.</translation>
    </message>
    <message>
        <source>编辑批注(&amp;N)…</source>
        <translation>Edit &amp;Note…</translation>
    </message>
    <message>
        <source>先选中要高亮的文字</source>
        <translation>Select the text to highlight first</translation>
    </message>
    <message>
        <source>先选中要批注的文字</source>
        <translation>Select the text to annotate first</translation>
    </message>
    <message>
        <source>只能标注正文里的文字，标题和图片说明不行</source>
        <translation>Only text in the article body can be annotated, not the title or captions</translation>
    </message>
    <message>
        <source>原文里找不到这段文字了：「{}」</source>
        <translation>This passage is no longer in the original text: “{}”</translation>
    </message>
    <message>
        <source>这篇文章不在当前列表里（也许被筛选或移到了废纸篓）</source>
        <translation>This article is not in the current list (it may be filtered out or in the trash)</translation>
    </message>
    <message>
        <source>已复制链接 {}</source>
        <translation>Copied link {}</translation>
    </message>
    <message>
        <source>打开链接</source>
        <translation>Open Link</translation>
    </message>
    <message>
        <source>阅报链接（reader://article/…）：</source>
        <translation>阅报 Reader link (reader://article/…):</translation>
    </message>
    <message>
        <source>这不是阅报的文章链接</source>
        <translation>This is not a link to a 阅报 Reader article</translation>
    </message>
    <message>
        <source>文库里没有这篇文章（可能已删除）</source>
        <translation>This article is not in the library (it may have been deleted)</translation>
    </message>
    <message>
        <source>链接里的位置超出了这篇文章</source>
        <translation>The position in the link is beyond the end of this article</translation>
    </message>
    <message>
        <source>文库里还没有批注</source>
        <translation>There are no notes in the library yet</translation>
    </message>
    <message>
        <source>导出批注</source>
        <translation>Export Notes</translation>
    </message>
    <message>
        <source>批注.md</source>
        <translation>notes.md</translation>
    </message>
    <message>
        <source>已导出 {} 条批注到 {}</source>
        <translation>Notes exported: {} to {}</translation>
    </message>
    <message>
        <source>导入批注</source>
        <translation>Import Notes</translation>
    </message>
    <message>
        <source>W3C 批注 JSON (*.json *.jsonld);;所有文件 (*)</source>
        <translation>W3C annotation JSON (*.json *.jsonld);;All files (*)</translation>
    </message>
</context>
<context>
    <name>AnnotationsController</name>
    <message>
        <source>批注「{}」</source>
        <translation>Note “{}”</translation>
    </message>
    <message>
        <source>高亮「{}」</source>
        <translation>Highlight “{}”</translation>
    </message>
    <message>
        <source>无法高亮「{}」</source>
        <translation>Could not highlight “{}”</translation>
    </message>
    <message>
        <source>改变高亮颜色「{}」</source>
        <translation>Change Highlight Colour “{}”</translation>
    </message>
    <message>
        <source>编辑批注「{}」</source>
        <translation>Edit Note “{}”</translation>
    </message>
    <message>
        <source>删除高亮「{}」</source>
        <translation>Delete Highlight “{}”</translation>
    </message>
    <message>
        <source>无法删除高亮</source>
        <translation>Could not delete the highlight</translation>
    </message>
    <message>
        <source>导入 {} 条批注</source>
        <translation>Import Notes ({})</translation>
    </message>
    <message>
        <source>无法改名</source>
        <translation>Cannot rename</translation>
    </message>
    <message>
        <source>无法编辑批注</source>
        <translation>Could not edit the note</translation>
    </message>
    <message>
        <source>{what}：{why}</source>
        <translation>{what}: {why}</translation>
    </message>
    <message>
        <source>无法完成「{}」</source>
        <translation>Could not do “{}”</translation>
    </message>
    <message>
        <source>颜色含义改为「{}」</source>
        <translation>Rename Colour to “{}”</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>{date} 导入</source>
        <translation>{date} imported</translation>
    </message>
    <message>
        <source>发表于 {date}</source>
        <translation>Published {date}</translation>
    </message>
    <message>
        <source>导入于 {date}（发表日期不详）</source>
        <translation>Imported {date} (publication date unknown)</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between tags</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>标签：{tags}</source>
        <translation>Tags: {tags}</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>恢复文库</source>
        <translation>Restore Library</translation>
    </message>
    <message>
        <source>用 {name} 中的文库替换当前文库？

当前文库会先另存为一份备份，之后仍可恢复。</source>
        <translation>Replace the current library with the one in {name}?

The current library is saved as a backup first and can be restored later.</translation>
    </message>
    <message>
        <source>已恢复 {articles} 篇文章、{notes} 条批注。</source>
        <translation>Restored {articles} articles and {notes} annotations.</translation>
    </message>
    <message>
        <source>恢复前的文库已保存为 {path}。</source>
        <translation>The library as it was is saved as {path}.</translation>
    </message>
    <message>
        <source>外观等设置在重新启动后生效。</source>
        <translation>Settings such as the appearance take effect when Reader is started again.</translation>
    </message>
    <message>
        <source>从文件恢复</source>
        <translation>Restore from File</translation>
    </message>
    <message>
        <source>文库备份 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</source>
        <translation>Library backups (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and Restore</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and Restore</translation>
    </message>
    <message>
        <source>每天自动备份一次，清空回收站和恢复之前也会备份。备份保存在：</source>
        <translation>The library is backed up once a day, and before the trash is emptied or a backup restored. Backups are kept in:</translation>
    </message>
    <message>
        <source>保留最近的备份：</source>
        <translation>Keep the most recent:</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <source>恢复所选…</source>
        <translation>Restore Selected…</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>Restore from File…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>清空回收站前</source>
        <translation>before emptying the trash</translation>
    </message>
    <message>
        <source>已损坏的文库</source>
        <translation>damaged library</translation>
    </message>
    <message>
        <source>还没有备份</source>
        <translation>No backups yet</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>随主题</source>
        <translation>Theme colour</translation>
    </message>
    <message>
        <source>选择颜色</source>
        <translation>Choose a Colour</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>重点</source>
        <translation>Important</translation>
    </message>
    <message>
        <source>引用</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>疑问</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>待查</source>
        <translation>To check</translation>
    </message>
</context>
<context>
    <name>DesktopEntryActions</name>
    <message>
        <source>添加到应用程序菜单</source>
        <translation>Add to Applications Menu</translation>
    </message>
    <message>
        <source>从应用程序菜单移除</source>
        <translation>Remove from Applications Menu</translation>
    </message>
    <message>
        <source>已添加到应用程序菜单</source>
        <translation>Added to the applications menu</translation>
    </message>
    <message>
        <source>已从应用程序菜单移除</source>
        <translation>Removed from the applications menu</translation>
    </message>
    <message>
        <source>无法更改应用程序菜单：{}</source>
        <translation>Could not change the applications menu: {}</translation>
    </message>
    <message>
        <source>应用程序菜单</source>
        <translation>Applications Menu</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>网页 (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <source>纯文本 (*.txt)</source>
        <translation>Plain text (*.txt)</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>导出文章</source>
        <translation>Export Article</translation>
    </message>
    <message>
        <source>无法写入 PDF 文件</source>
        <translation>Cannot write the PDF file</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>同时打印关键词、人名地名等标记</source>
        <translation>Also print the marks of keywords, names and places</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Marks</translation>
    </message>
    <message>
        <source>已打印到 {path}</source>
        <translation>Printed to {path}</translation>
    </message>
    <message>
        <source>已送往打印机 {printer}：{title}</source>
        <translation>Sent to printer {printer}: {title}</translation>
    </message>
</context>
<context>
    <name>FeedOptionsDialog</name>
    <message>
        <source>订阅属性</source>
        <translation>Subscription Properties</translation>
    </message>
    <message>
        <source>只用摘要（不下载原文网页）</source>
        <translation>Summary only (do not download the linked pages)</translation>
    </message>
    <message>
        <source>跟随设置（{minutes} 分钟）</source>
        <translation>As set ({minutes} minutes)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>自动更新间隔</source>
        <translation>Refresh every</translation>
    </message>
</context>
<context>
    <name>FeedsController</name>
    <message>
        <source>还没有订阅：文件 → 订阅…</source>
        <translation>No subscriptions yet: File → Subscribe…</translation>
    </message>
    <message>
        <source>正在更新订阅…</source>
        <translation>Refreshing subscriptions…</translation>
    </message>
    <message>
        <source>正在更新订阅 {done}/{total}</source>
        <translation>Refreshing subscriptions {done}/{total}</translation>
    </message>
    <message numerus="yes">
        <source>订阅已更新：%n 篇新文章</source>
        <translation>
            <numerusform>Subscriptions refreshed: %n new article</numerusform>
            <numerusform>Subscriptions refreshed: %n new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 篇有更新</source>
        <translation>
            <numerusform>, %n updated</numerusform>
            <numerusform>, %n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个订阅出错（见文库中的标记）</source>
        <translation>
            <numerusform>, %n subscription failed (marked in the library)</numerusform>
            <numerusform>, %n subscriptions failed (marked in the library)</numerusform>
        </translation>
    </message>
    <message>
        <source>订阅更新失败：{error}</source>
        <translation>Refreshing subscriptions failed: {error}</translation>
    </message>
    <message>
        <source>订阅</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>无法订阅：{error}</source>
        <translation>Cannot subscribe: {error}</translation>
    </message>
    <message>
        <source>正在查找订阅源 {url}</source>
        <translation>Looking for the feed at {url}</translation>
    </message>
    <message>
        <source>已订阅 {name}</source>
        <translation>Subscribed to {name}</translation>
    </message>
    <message>
        <source>更新此订阅</source>
        <translation>Refresh This Subscription</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>移到文件夹…</source>
        <translation>Move to Folder…</translation>
    </message>
    <message>
        <source>属性…</source>
        <translation>Properties…</translation>
    </message>
    <message>
        <source>取消订阅…</source>
        <translation>Unsubscribe…</translation>
    </message>
    <message>
        <source>更新此文件夹</source>
        <translation>Refresh This Folder</translation>
    </message>
    <message>
        <source>更新全部订阅</source>
        <translation>Refresh All Subscriptions</translation>
    </message>
    <message>
        <source>订阅…</source>
        <translation>Subscribe…</translation>
    </message>
    <message>
        <source>重命名订阅</source>
        <translation>Rename Subscription</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>移到文件夹</source>
        <translation>Move to Folder</translation>
    </message>
    <message>
        <source>文件夹（留空则不放入文件夹）：</source>
        <translation>Folder (empty for none):</translation>
    </message>
    <message>
        <source>取消订阅</source>
        <translation>Unsubscribe</translation>
    </message>
    <message>
        <source>取消订阅“{name}”？</source>
        <translation>Unsubscribe from “{name}”?</translation>
    </message>
    <message numerus="yes">
        <source>它的 %n 篇文章留在文库中。</source>
        <translation>
            <numerusform>Its %n article stays in the library.</numerusform>
            <numerusform>Its %n articles stay in the library.</numerusform>
        </translation>
    </message>
    <message>
        <source>取消订阅并把文章移到回收站</source>
        <translation>Unsubscribe and Move Its Articles to the Trash</translation>
    </message>
    <message>
        <source>已取消订阅 {name}</source>
        <translation>Unsubscribed from {name}</translation>
    </message>
    <message>
        <source>导入订阅列表</source>
        <translation>Import Subscriptions</translation>
    </message>
    <message>
        <source>OPML 文件 (*.opml *.xml)</source>
        <translation>OPML files (*.opml *.xml)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>{file}：{error}</source>
        <translation>{file}: {error}</translation>
    </message>
    <message numerus="yes">
        <source>新订阅 %n 个</source>
        <translation>
            <numerusform>Subscribed to %n new feed</numerusform>
            <numerusform>Subscribed to %n new feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 个已订阅</source>
        <translation>
            <numerusform>, %n already subscribed</numerusform>
            <numerusform>, %n already subscribed</numerusform>
        </translation>
    </message>
    <message>
        <source>导出订阅列表</source>
        <translation>Export Subscriptions</translation>
    </message>
    <message>
        <source>OPML 文件 (*.opml)</source>
        <translation>OPML files (*.opml)</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>导出失败</source>
        <translation>Export Failed</translation>
    </message>
    <message>
        <source>{path}：{error}</source>
        <translation>{path}: {error}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>在本文中查找（简繁通用）</source>
        <translation>Find in this article (simplified or traditional)</translation>
    </message>
    <message>
        <source>上一个 (Shift+Enter)</source>
        <translation>Previous (Shift+Enter)</translation>
    </message>
    <message>
        <source>下一个 (Enter)</source>
        <translation>Next (Enter)</translation>
    </message>
    <message>
        <source>关闭 (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>No matches</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>Import Files</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>Import Folder</translation>
    </message>
    <message>
        <source>从网址导入</source>
        <translation>Import from Address</translation>
    </message>
    <message>
        <source>新闻网页的网址：</source>
        <translation>Address of the news page:</translation>
    </message>
    <message>
        <source>这不是网址：{url}</source>
        <translation>This is not a web address: {url}</translation>
    </message>
    <message>
        <source>剪贴板里没有文字</source>
        <translation>There is no text on the clipboard</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在下载 {url}</source>
        <translation>Downloading {url}</translation>
    </message>
    <message>
        <source>正在导入 {name}</source>
        <translation>Importing {name}</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import Failed</translation>
    </message>
    <message numerus="yes">
        <source>导入 %n 条批注</source>
        <translation>
            <numerusform>Imported %n note</numerusform>
            <numerusform>Imported %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>导入 %n 篇文章</source>
        <translation>
            <numerusform>Imported %n article</numerusform>
            <numerusform>Imported %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 篇已在库中</source>
        <translation>
            <numerusform>, %n already in the library</numerusform>
            <numerusform>, %n already in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条批注</source>
        <translation>
            <numerusform>, %n note</numerusform>
            <numerusform>, %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条在原文中找不到（列为未能定位）</source>
        <translation>
            <numerusform>, %n not found in the original text (listed as not found)</numerusform>
            <numerusform>, %n not found in the original text (listed as not found)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，%n 条批注已在文库中</source>
        <translation>
            <numerusform>, %n note already in the library</numerusform>
            <numerusform>, %n notes already in the library</numerusform>
        </translation>
    </message>
    <message>
        <source>（已取消）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <source>导入时有提示</source>
        <translation>Imported, with a note</translation>
    </message>
    <message>
        <source>{file}：{reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>不是一篇文章</source>
        <translation>Not an Article</translation>
    </message>
    <message>
        <source>这些网页不像一篇新闻文章，没有导入：

{pages}</source>
        <translation>These pages do not look like a news article and were not imported:

{pages}</translation>
    </message>
    <message>
        <source>仍作为文字导入</source>
        <translation>Import Their Text Anyway</translation>
    </message>
    <message>
        <source>没有可导入的文件</source>
        <translation>No files to import</translation>
    </message>
    <message>
        <source>不是 W3C 批注 JSON 文件</source>
        <translation>not a W3C annotation JSON file</translation>
    </message>
    <message>
        <source>{folders}：{nothing}</source>
        <translation>{folders}: {nothing}</translation>
    </message>
    <message>
        <source>{file}：{error}</source>
        <translation>{file}: {error}</translation>
    </message>
    <message numerus="yes">
        <source>……另有 %n 个</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>报纸文本和网页 ({patterns})</source>
        <translation>Newspaper text and web pages ({patterns})</translation>
    </message>
    <message>
        <source>部分文件未能导入</source>
        <translation>Some Files Were Not Imported</translation>
    </message>
    <message>
        <source>{summary}。

{errors}</source>
        <translation>{summary}.

{errors}</translation>
    </message>
</context>
<context>
    <name>KeywordModel</name>
    <message>
        <source>{word}&#x3000;权重 {weight}</source>
        <translation>{word}  weight {weight}</translation>
    </message>
</context>
<context>
    <name>KeywordPanel</name>
    <message>
        <source>人名</source>
        <translation>People</translation>
    </message>
    <message>
        <source>地名</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>◀ 上一处</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>下一处 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>含此关键词的其他文章</source>
        <translation>Other articles with this keyword</translation>
    </message>
    <message>
        <source>人名 · 地名 · 机构</source>
        <translation>People · Places · Organisations</translation>
    </message>
    <message>
        <source>关注词</source>
        <translation>Watch Words</translation>
    </message>
    <message>
        <source>未设置（查看 → 关注词…）</source>
        <translation>None set (View → Watch Words…)</translation>
    </message>
    <message>
        <source>分析中…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>LibraryErrors</name>
    <message>
        <source>无法打开文库</source>
        <translation>Cannot Open the Library</translation>
    </message>
    <message>
        <source>文库已损坏</source>
        <translation>Library Damaged</translation>
    </message>
    <message>
        <source>文库文件已损坏，阅报没有改动它。可以先保存一份副本，再从备份恢复，或把它移到别处以新建文库。</source>
        <translation>The library file is damaged; 阅报 Reader has not changed it. You can save a copy first, then restore a backup, or move the file elsewhere to start a new library.</translation>
    </message>
    <message>
        <source>保存副本</source>
        <translation>Save a Copy</translation>
    </message>
    <message>
        <source>未能保存副本</source>
        <translation>Could Not Save a Copy</translation>
    </message>
    <message>
        <source>已保存副本</source>
        <translation>Copy Saved</translation>
    </message>
    <message>
        <source>副本已保存为 {path}</source>
        <translation>The copy was saved as {path}</translation>
    </message>
</context>
<context>
    <name>LibrarySidebar</name>
    <message>
        <source>发表于 {day}</source>
        <translation>Published {day}</translation>
    </message>
    <message>
        <source>日期不详</source>
        <translation>Date unknown</translation>
    </message>
    <message>
        <source>发表日期不详的文章（列表中显示导入日期）</source>
        <translation>Articles whose publication date is unknown (the list shows the day they were imported)</translation>
    </message>
    <message>
        <source>全部文章</source>
        <translation>All Articles</translation>
    </message>
    <message>
        <source>未读</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>已加星标</source>
        <translation>Starred</translation>
    </message>
    <message>
        <source>关注词</source>
        <translation>Watch Words</translation>
    </message>
    <message>
        <source>订阅</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>版面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>更新失败：{error}</source>
        <translation>Refresh failed: {error}</translation>
    </message>
    <message>
        <source>重命名标签…</source>
        <translation>Rename Tag…</translation>
    </message>
    <message>
        <source>删除标签</source>
        <translation>Delete Tag</translation>
    </message>
    <message>
        <source>清空回收站…</source>
        <translation>Empty Trash…</translation>
    </message>
    <message>
        <source>编辑关注词…</source>
        <translation>Edit Watch Words…</translation>
    </message>
</context>
<context>
    <name>LibraryWriter</name>
    <message>
        <source>另一个阅报正在写入文库，等它写完再保存（已等 {seconds} 秒）…</source>
        <translation>Another reader is writing the library; saving when it is done (waited {seconds} s)…</translation>
    </message>
</context>
<context>
    <name>ListSync</name>
    <message numerus="yes">
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 篇，共 {total} 篇</source>
        <translation>
            <numerusform>%n of {total} articles</numerusform>
            <numerusform>%n of {total} articles</numerusform>
        </translation>
    </message>
    <message>
        <source>没有找到含“{query}”的文章</source>
        <translation>No article contains “{query}”</translation>
    </message>
    <message>
        <source>（只在左侧选中的范围里找了：点「全部文章」找全部）</source>
        <translation>(Searched only what is chosen on the left: click All articles to search everything)</translation>
    </message>
    <message>
        <source>回收站是空的</source>
        <translation>The trash is empty</translation>
    </message>
    <message>
        <source>文库里还没有文章：文件 → 导入文件…，或把文件拖到窗口上</source>
        <translation>The library has no articles yet: File → Import Files…, or drop files on the window</translation>
    </message>
    <message>
        <source>这里没有文章</source>
        <translation>No articles here</translation>
    </message>
    <message>
        <source>重命名标签</source>
        <translation>Rename Tag</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
</context>
<context>
    <name>LookupController</name>
    <message>
        <source>粤</source>
        <translation>Cantonese</translation>
    </message>
    <message>
        <source>词典中没有这个词</source>
        <translation>No dictionary entry for this word</translation>
    </message>
    <message>
        <source>Shift+←/→ 缩短/加长 · A 加入生词本 · Esc 关闭</source>
        <translation>Shift+←/→ shorter/longer · A add to vocabulary · Esc close</translation>
    </message>
    <message>
        <source>已加入生词本：%1</source>
        <translation>Added to vocabulary: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>文库</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>搜索文库，简繁通用 (Ctrl+K)</source>
        <translation>Search the library, simplified or traditional (Ctrl+K)</translation>
    </message>
    <message>
        <source>关于阅报</source>
        <translation>About 阅报 Reader</translation>
    </message>
    <message>
        <source>把报纸版面文本整理成干净的文章，简繁随心，标注长存。</source>
        <translation>Turns newspaper page text into clean articles, in simplified or traditional script, with highlights and notes that last.</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Not Saved</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入文件(&amp;I)…</source>
        <translation>&amp;Import Files…</translation>
    </message>
    <message>
        <source>导入文件夹(&amp;D)…</source>
        <translation>Import &amp;Folder…</translation>
    </message>
    <message>
        <source>从网址导入(&amp;U)…</source>
        <translation>Import from &amp;Address…</translation>
    </message>
    <message>
        <source>粘贴为新文章(&amp;N)</source>
        <translation>Paste as &amp;New Article</translation>
    </message>
    <message>
        <source>订阅(&amp;B)…</source>
        <translation>Su&amp;bscribe…</translation>
    </message>
    <message>
        <source>更新全部订阅(&amp;R)</source>
        <translation>&amp;Refresh All Subscriptions</translation>
    </message>
    <message>
        <source>导入订阅列表 (OPML)…</source>
        <translation>Import Subscriptions (OPML)…</translation>
    </message>
    <message>
        <source>导出订阅列表 (OPML)…</source>
        <translation>Export Subscriptions (OPML)…</translation>
    </message>
    <message>
        <source>导出文章(&amp;E)…</source>
        <translation>&amp;Export Article…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>备份与恢复(&amp;B)…</source>
        <translation>&amp;Backup and Restore…</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>文字(&amp;S)</source>
        <translation>&amp;Script</translation>
    </message>
    <message>
        <source>标出多义字(&amp;A)</source>
        <translation>Mark &amp;Ambiguous Characters</translation>
    </message>
    <message>
        <source>拼音(&amp;P)</source>
        <translation>&amp;Pinyin</translation>
    </message>
    <message>
        <source>在文字上方标出读音（拼音、注音或粤拼，见设置）</source>
        <translation>Show the reading above the characters (pinyin, zhuyin or jyutping: see Settings)</translation>
    </message>
    <message>
        <source>关注词(&amp;W)…</source>
        <translation>&amp;Watch Words…</translation>
    </message>
    <message>
        <source>用户词典(&amp;U)…</source>
        <translation>&amp;User Dictionary…</translation>
    </message>
    <message>
        <source>下一处关键词</source>
        <translation>Next Keyword Occurrence</translation>
    </message>
    <message>
        <source>上一处关键词</source>
        <translation>Previous Keyword Occurrence</translation>
    </message>
    <message>
        <source>放大字体</source>
        <translation>Larger Text</translation>
    </message>
    <message>
        <source>缩小字体</source>
        <translation>Smaller Text</translation>
    </message>
    <message>
        <source>下一篇</source>
        <translation>Next Article</translation>
    </message>
    <message>
        <source>上一篇</source>
        <translation>Previous Article</translation>
    </message>
    <message>
        <source>文章(&amp;A)</source>
        <translation>&amp;Article</translation>
    </message>
    <message>
        <source>下一篇未读(&amp;N)</source>
        <translation>&amp;Next Unread</translation>
    </message>
    <message>
        <source>向下翻页</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <source>搜索文库(&amp;K)</source>
        <translation>Search the Library (&amp;K)</translation>
    </message>
    <message>
        <source>在本文中查找(&amp;F)…</source>
        <translation>&amp;Find in Article…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于阅报(&amp;A)</source>
        <translation>&amp;About 阅报 Reader</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>朗读(&amp;R)</source>
        <translation>&amp;Read Aloud</translation>
    </message>
    <message>
        <source>朗读全文</source>
        <translation>Read the Whole Article Aloud</translation>
    </message>
    <message>
        <source>朗读选中内容</source>
        <translation>Read the Selection Aloud</translation>
    </message>
    <message>
        <source>暂停/继续朗读</source>
        <translation>Pause / Resume Reading Aloud</translation>
    </message>
    <message>
        <source>停止朗读</source>
        <translation>Stop Reading Aloud</translation>
    </message>
    <message>
        <source>加快朗读</source>
        <translation>Read Faster</translation>
    </message>
    <message>
        <source>减慢朗读</source>
        <translation>Read Slower</translation>
    </message>
    <message>
        <source>香港繁体用粤语朗读</source>
        <translation>Read Hong Kong Views in Cantonese</translation>
    </message>
    <message>
        <source>生词本(&amp;W)…</source>
        <translation>Vocabulary (&amp;Words)…</translation>
    </message>
    <message>
        <source> 文字 </source>
        <translation> Script </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>「{quote}」</source>
        <translation>“{quote}”</translation>
    </message>
    <message>
        <source>写下你的想法…</source>
        <translation>Write your thoughts…</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
</context>
<context>
    <name>OrganiseActions</name>
    <message>
        <source>加星标/取消星标</source>
        <translation>Star / Unstar</translation>
    </message>
    <message>
        <source>标为已读/未读</source>
        <translation>Mark Read / Unread</translation>
    </message>
    <message>
        <source>添加标签(&amp;T)…</source>
        <translation>Add &amp;Tag…</translation>
    </message>
    <message>
        <source>移到回收站</source>
        <translation>Move to Trash</translation>
    </message>
    <message>
        <source>从回收站恢复</source>
        <translation>Restore from Trash</translation>
    </message>
    <message>
        <source>清空回收站…</source>
        <translation>Empty Trash…</translation>
    </message>
    <message>
        <source>移除标签</source>
        <translation>Remove Tag</translation>
    </message>
    <message>
        <source>添加标签</source>
        <translation>Add Tag</translation>
    </message>
    <message>
        <source>标签名：</source>
        <translation>Tag name:</translation>
    </message>
    <message>
        <source>已移到回收站：{title}</source>
        <translation>Moved to the trash: {title}</translation>
    </message>
    <message numerus="yes">
        <source>已将 %n 篇文章移到回收站</source>
        <translation>
            <numerusform>Moved %n article to the trash</numerusform>
            <numerusform>Moved %n articles to the trash</numerusform>
        </translation>
    </message>
    <message>
        <source>已从回收站恢复：{title}</source>
        <translation>Restored from the trash: {title}</translation>
    </message>
    <message numerus="yes">
        <source>已从回收站恢复 %n 篇文章</source>
        <translation>
            <numerusform>Restored %n article from the trash</numerusform>
            <numerusform>Restored %n articles from the trash</numerusform>
        </translation>
    </message>
    <message>
        <source>{done}（Ctrl+Z 撤销）</source>
        <translation>{done} (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>清空回收站</source>
        <translation>Empty Trash</translation>
    </message>
    <message numerus="yes">
        <source>永久删除回收站中的 %n 篇文章？它们的高亮和批注也会一并删除，此操作无法撤销。</source>
        <translation>
            <numerusform>Permanently delete the %n article in the trash? Its highlights and notes are deleted with it. This cannot be undone.</numerusform>
            <numerusform>Permanently delete the %n articles in the trash? Their highlights and notes are deleted with them. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>跟随系统</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>护眼</source>
        <translation>Sepia</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Page &amp;Set:</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>Double Sided Printing</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Long side binding</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Short side binding</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>无法朗读</source>
        <translation>Cannot Read Aloud</translation>
    </message>
    <message>
        <source>朗读需要语音引擎 espeak-ng，但本机没有安装。
请先安装 espeak-ng（Debian / Ubuntu：sudo apt install espeak-ng），再试一次。</source>
        <translation>Reading aloud needs the espeak-ng speech engine, which is not installed here.
Install espeak-ng (Debian / Ubuntu: sudo apt install espeak-ng), then try again.</translation>
    </message>
    <message>
        <source>朗读失败：{}</source>
        <translation>Reading aloud failed: {}</translation>
    </message>
    <message>
        <source>继续 (Ctrl+Shift+Space)</source>
        <translation>Resume (Ctrl+Shift+Space)</translation>
    </message>
    <message>
        <source>暂停 (Ctrl+Shift+Space)</source>
        <translation>Pause (Ctrl+Shift+Space)</translation>
    </message>
    <message>
        <source>粤语</source>
        <translation>Cantonese</translation>
    </message>
    <message>
        <source>普通话</source>
        <translation>Mandarin</translation>
    </message>
    <message>
        <source>第 {n} / {total} 句</source>
        <translation>Sentence {n} of {total}</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>停止朗读 (Esc)</source>
        <translation>Stop Reading Aloud (Esc)</translation>
    </message>
    <message>
        <source>减慢 ([)</source>
        <translation>Slower ([)</translation>
    </message>
    <message>
        <source>加快 (])</source>
        <translation>Faster (])</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>语速</source>
        <translation>Speed</translation>
    </message>
</context>
<context>
    <name>ReadingController</name>
    <message>
        <source>{chars} 字&#x3000;约 {minutes} 分钟</source>
        <translation>{chars} characters, about {minutes} min</translation>
    </message>
    <message>
        <source>没有未读文章了</source>
        <translation>No unread articles left</translation>
    </message>
    <message>
        <source>{chosen}：也可作 {alternatives}
选中词语后右键「修正转换…」可改为你的写法</source>
        <translation>{chosen}: could also be {alternatives}
Select the word and right-click “Fix Conversion…” to use your own form</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between alternative characters</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n 处多义字</source>
        <translation>
            <numerusform>%n ambiguous character</numerusform>
            <numerusform>%n ambiguous characters</numerusform>
        </translation>
    </message>
    <message>
        <source>复制为简体</source>
        <translation>Copy as Simplified</translation>
    </message>
    <message>
        <source>复制为繁体</source>
        <translation>Copy as Traditional</translation>
    </message>
    <message>
        <source>修正转换…</source>
        <translation>Fix Conversion…</translation>
    </message>
    <message>
        <source>恢复默认转换</source>
        <translation>Restore Default Conversion</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>从左侧选择一篇文章开始阅读</source>
        <translation>Choose an article on the left to start reading</translation>
    </message>
</context>
<context>
    <name>ScriptSelector</name>
    <message>
        <source>原文</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>简体</source>
        <translation>Simplified</translation>
    </message>
    <message>
        <source>繁体</source>
        <translation>Traditional</translation>
    </message>
    <message>
        <source>台湾正体</source>
        <translation>Traditional (Taiwan)</translation>
    </message>
    <message>
        <source>台湾用语</source>
        <translation>Traditional (Taiwan terms)</translation>
    </message>
    <message>
        <source>香港繁体</source>
        <translation>Traditional (Hong Kong)</translation>
    </message>
    <message>
        <source>香港用语</source>
        <translation>Traditional (Hong Kong terms)</translation>
    </message>
    <message>
        <source>简体（台湾来源）</source>
        <translation>Simplified (from Taiwan)</translation>
    </message>
    <message>
        <source>简体（台湾来源，大陆用语）</source>
        <translation>Simplified (from Taiwan, mainland terms)</translation>
    </message>
    <message>
        <source>简体（香港来源）</source>
        <translation>Simplified (from Hong Kong)</translation>
    </message>
    <message>
        <source>简体（香港来源，大陆用语）</source>
        <translation>Simplified (from Hong Kong, mainland terms)</translation>
    </message>
    <message>
        <source>文字：原文或简繁转换 (Ctrl+1 … Ctrl+6)</source>
        <translation>Script: the original text or a simplified/traditional conversion (Ctrl+1 … Ctrl+6)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>阅读</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>外观</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>词语</source>
        <translation>Words</translation>
    </message>
    <message>
        <source> 像素</source>
        <translation> px</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>行距</source>
        <translation>Line spacing</translation>
    </message>
    <message>
        <source>首行缩进</source>
        <translation>First-line indent</translation>
    </message>
    <message>
        <source>每行字数</source>
        <translation>Characters per line</translation>
    </message>
    <message>
        <source>默认文字</source>
        <translation>Default script</translation>
    </message>
    <message>
        <source>拼音（香港繁体显示粤拼）</source>
        <translation>Pinyin (jyutping in the Hong Kong views)</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <source>注音</source>
        <translation>Zhuyin (bopomofo)</translation>
    </message>
    <message>
        <source>粤拼</source>
        <translation>Jyutping (Cantonese)</translation>
    </message>
    <message>
        <source>查词弹窗与拼音模式（查看 → 拼音）标出的读音</source>
        <translation>The reading the lookup popup and pinyin mode (View → Pinyin) show</translation>
    </message>
    <message>
        <source>在正文中标出生词本里正在学的词</source>
        <translation>Mark the words you are learning (in your vocabulary) in the text</translation>
    </message>
    <message>
        <source>读音</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>在正文中标出关键词</source>
        <translation>Highlight keywords in the text</translation>
    </message>
    <message>
        <source>恢复主题颜色</source>
        <translation>Restore Theme Colours</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>关键词标记颜色</source>
        <translation>Keyword mark colour</translation>
    </message>
    <message>
        <source>关注词颜色</source>
        <translation>Watch word colour</translation>
    </message>
    <message>
        <source>人名、地名、机构的颜色随主题，可在关键词面板中开关。</source>
        <translation>People, places and organisations take their colours from the theme; turn them on or off in the keyword panel.</translation>
    </message>
    <message>
        <source>跟随系统（{language}）</source>
        <translation>System default ({language})</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>重新启动阅报后生效。</source>
        <translation>Takes effect when 阅报 Reader restarts.</translation>
    </message>
    <message>
        <source>关注词（每行一个，在所有文章里标出）</source>
        <translation>Watch words (one per line, marked in every article)</translation>
    </message>
    <message>
        <source>用户词典（每行一个，分词时当作一个词；署名中的人名自动加入）</source>
        <translation>User dictionary (one per line, each kept as one word; names from bylines are added automatically)</translation>
    </message>
    <message>
        <source>保存词语</source>
        <translation>Save Words</translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <source>订阅</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>https://…/rss.xml 或新闻网站的网址</source>
        <translation>https://…/rss.xml or a news site&apos;s address</translation>
    </message>
    <message>
        <source>只用摘要（不下载原文网页）</source>
        <translation>Summary only (do not download the linked pages)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>可以填订阅源（RSS、Atom、JSON Feed）的地址，也可以填网站的网址，阅报会找出网页里的订阅源。只有摘要的条目会下载原文网页，提取正文。</source>
        <translation>Give a feed&apos;s address (RSS, Atom, JSON Feed) or a site&apos;s: Reader finds the feed its page names. For entries that carry only a summary, the linked page is downloaded and its text extracted.</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>每隔多久自动更新全部订阅</source>
        <translation>Refresh all subscriptions every</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>词语</source>
        <translation>Word</translation>
    </message>
    <message>
        <source>读音</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>释义</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>例句</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>加入日期</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>已掌握</source>
        <translation>Known</translation>
    </message>
</context>
<context>
    <name>VocabularyWindow</name>
    <message>
        <source>生词本</source>
        <translation>Vocabulary</translation>
    </message>
    <message>
        <source>搜索生词本（词语、读音、释义、例句、文章），简繁通用</source>
        <translation>Search the vocabulary (words, readings, definitions, sentences, articles) in either script</translation>
    </message>
    <message>
        <source>标为已掌握</source>
        <translation>Mark Known</translation>
    </message>
    <message>
        <source>标为学习中</source>
        <translation>Mark Learning</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo Delete</translation>
    </message>
    <message>
        <source>导出到 Anki…</source>
        <translation>Export to Anki…</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>删除选中的词 (Delete)</source>
        <translation>Delete the chosen words (Delete)</translation>
    </message>
    <message>
        <source>放回刚删除的词 (Ctrl+Z)</source>
        <translation>Put back the words just deleted (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n 个词</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 个词</source>
        <translation>
            <numerusform>%n word found</numerusform>
            <numerusform>%n words found</numerusform>
        </translation>
    </message>
    <message>
        <source>无法读取生词本：{}</source>
        <translation>Cannot read the vocabulary: {}</translation>
    </message>
    <message numerus="yes">
        <source>已标为已掌握：%n 个词</source>
        <translation>
            <numerusform>Marked known: %n word</numerusform>
            <numerusform>Marked known: %n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已标为学习中：%n 个词</source>
        <translation>
            <numerusform>Marked learning: %n word</numerusform>
            <numerusform>Marked learning: %n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已删除 %n 个词（Ctrl+Z 撤销）</source>
        <translation>
            <numerusform>Deleted %n word (Ctrl+Z to undo)</numerusform>
            <numerusform>Deleted %n words (Ctrl+Z to undo)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已放回 %n 个词</source>
        <translation>
            <numerusform>Put back %n word</numerusform>
            <numerusform>Put back %n words</numerusform>
        </translation>
    </message>
    <message>
        <source>「{}」没有记下出处的文章</source>
        <translation>“{}” has no article recorded</translation>
    </message>
    <message>
        <source>这篇文章不在主窗口的列表里（也许被筛选、移到了回收站或已删除）</source>
        <translation>This article is not in the main window&apos;s list (it may be filtered out, in the trash or deleted)</translation>
    </message>
    <message>
        <source>Anki 卡组 (*.apkg)</source>
        <translation>Anki deck (*.apkg)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>导出生词本</source>
        <translation>Export Vocabulary</translation>
    </message>
    <message>
        <source>导出失败：{}</source>
        <translation>Export failed: {}</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 个词到 {}</source>
        <translation>
            <numerusform>Exported %n word to {}</numerusform>
            <numerusform>Exported %n words to {}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordLists</name>
    <message>
        <source>关注词</source>
        <translation>Watch Words</translation>
    </message>
    <message>
        <source>每行一个词。提到它们的地方会在每篇文章里标出来：</source>
        <translation>One word per line. Every mention of them is marked in each article:</translation>
    </message>
    <message>
        <source>用户词典</source>
        <translation>User Dictionary</translation>
    </message>
    <message>
        <source>每行一个词，分词时当作一个整体（记者署名中的人名会自动加入）：</source>
        <translation>One word per line, kept whole when splitting text into words (names from bylines are added automatically):</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>阅报 Reader</source>
        <translation>阅报 Reader</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>修正转换</source>
        <translation>Fix Conversion</translation>
    </message>
    <message>
        <source>原文「{original}」在此视图中显示为「{shown}」。
以后所有文章都按你的写法显示，请输入：</source>
        <translation>The original “{original}” shows as “{shown}” in this view.
Enter how it should read; every article will use your form from now on:</translation>
    </message>
</context>
</TS>
